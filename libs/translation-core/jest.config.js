module.exports = require('../../jest.preset.js').project({
  displayName: 'translation-core',
  dir: __dirname,
});
