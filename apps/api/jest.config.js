module.exports = require('../../jest.preset.js').project({ displayName: 'api', dir: __dirname });
