def log = new File(basedir, 'build.log').text
def site = new File(basedir, 'target/site')
assert new File(site, 'index.html').isFile()
def alpha = new File(site, 'models/acme-alpha/index.html')
assert alpha.isFile() && alpha.text.contains('91.2')
assert new File(site, 'models/acme-beta/index.html').isFile()
assert new File(basedir, 'target/site-report.json').isFile()
assert log.contains('[INFO] modelcards: built ')
assert log.contains('2 models')
// the help goal lists every goal and the build goal's parameters with their defaults
assert log.contains('modelcards:build')
['contentDirectory', 'outputDirectory', 'templatesDirectory', 'assetsDirectory', 'baseUrl', 'strict', 'skip'].each {
    assert log.contains(it) : "help names ${it}"
}
assert log.contains('${project.basedir}/content')
return true
