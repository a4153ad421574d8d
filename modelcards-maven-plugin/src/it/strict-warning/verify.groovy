def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] content\/acme\/alpha\/README\.md:8: broken anchor #nowhere/
assert new File(basedir, 'target/site/index.html').isFile() : 'a warning does not stop mvn site'
return true
