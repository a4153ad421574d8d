def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] content\/acme\/alpha\/README\.md:8: broken link \.\.\/\.\.\/models\/missing\/index\.html/
assert log.contains('modelcards: 1 error in ')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/site/index.html').exists() : 'nothing is written'
return true
