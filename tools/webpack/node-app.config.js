// Webpack for the Node apps (api, cli): our code and the @chorus/* libs are bundled with SWC;
// every package from node_modules stays an external require.
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');

/** @param {{ projectDir: string, outDir: string, entry: Record<string, string>, banner?: string }} o */
function nodeAppConfig(o) {
  const webpack = require('webpack');
  return {
    mode: 'production',
    target: 'node20',
    context: o.projectDir,
    entry: o.entry,
    output: {
      path: join(root, o.outDir),
      filename: '[name].js',
      clean: true,
      library: { type: 'commonjs2' },
    },
    devtool: 'source-map',
    optimization: { minimize: false, nodeEnv: false },
    resolve: {
      extensions: ['.ts', '.js', '.json'],
      alias: {
        '@chorus/translation-core$': join(root, 'libs/translation-core/src/index.ts'),
        '@chorus/voting$': join(root, 'libs/voting/src/index.ts'),
      },
    },
    externalsPresets: { node: true },
    externals: [
      ({ request }, callback) => {
        const bundled =
          request.startsWith('.') || request.startsWith('/') || request.startsWith('@chorus/');
        return bundled ? callback() : callback(null, `commonjs ${request}`);
      },
    ],
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                target: 'es2022',
                parser: { syntax: 'typescript', decorators: true },
                transform: { legacyDecorator: true, decoratorMetadata: true },
                keepClassNames: true,
              },
              sourceMaps: true,
            },
          },
        },
      ],
    },
    plugins: o.banner
      ? [new webpack.BannerPlugin({ banner: o.banner, raw: true, entryOnly: true })]
      : [],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

module.exports = { nodeAppConfig };
