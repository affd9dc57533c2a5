module.exports = require('../../jest.preset.js').project({ displayName: 'cli', dir: __dirname });
