def log = new File(basedir, 'build.log').text
assert log.contains('modelcards: skipped (skip is true)')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/site').exists()
return true
