// The skeletons are nunjucks templates (package.json is not valid JSON before
// rendering) and target the generated service's own toolchain, not this
// workspace's lint rules; the scaffolder module's tests compile and run them.
module.exports = {
  ignorePatterns: ['*/skeleton/'],
};
