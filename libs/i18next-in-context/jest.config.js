module.exports = require('../../jest.preset.js').project({
  displayName: 'i18next-in-context',
  dir: __dirname,
  tsx: true,
  environment: 'jsdom',
});
