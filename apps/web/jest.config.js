module.exports = require('../../jest.preset.js').project({
  displayName: 'web',
  dir: __dirname,
  tsx: true,
  environment: 'jsdom',
});
