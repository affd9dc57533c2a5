module.exports = require('../../jest.preset.js').project({ displayName: 'voting', dir: __dirname });
