// Invoker post-build hook: the user's tests print only their own output (here none). SLF4J's
// warnings about a missing or mismatched provider are what README's dependencies once printed.
def log = new File(basedir, 'build.log').getText('UTF-8')
def slf4j = log.readLines().findAll { it.contains('SLF4J') }
assert slf4j.isEmpty() : "The tests printed SLF4J warnings:\n${slf4j.join('\n')}"
def report = new File(basedir, 'target/surefire-reports/TEST-TrackTimeTest.xml')
assert report.isFile() : 'TrackTimeTest did not run'
def suite = (report.getText('UTF-8') =~ /<testsuite [^>]*>/)[0]
def counts = ['tests', 'failures', 'errors', 'skipped'].collect { (suite =~ /\b${it}="(\d+)"/)[0][1] }
assert counts == ['2', '0', '0', '0'] : "TrackTimeTest: tests, failures, errors, skipped = ${counts}"

// What the project installed for this build (invoker's localRepositoryPath): the test-jar holds the
// embedded server and its spec but no test, and its sources jar (classifier test-sources) holds
// exactly one source file for each of the test-jar's top-level classes, and nothing else.
def installed = new File(localRepositoryPath, "io/github/togglapi/toggl-api-java/${projectVersion}")
def entries = { String classifier ->
  def jar = new File(installed, "toggl-api-java-${projectVersion}-${classifier}.jar")
  assert jar.isFile() : "${jar.name} was not built and installed"
  new java.util.zip.ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name }.findAll { !it.endsWith('/') } }
}
def testJar = entries('tests')
def testSources = entries('test-sources')
def server = 'io/github/togglapi/client/testing/'
assert testJar.contains(server + 'openapi.json') : 'the test-jar lacks the spec its validator reads'
assert testJar.findAll { it =~ /Test(\$.*)?\.class$/ }.isEmpty() : "tests in the test-jar: ${testJar}"
def classes = testJar.findAll { it.endsWith('.class') && !it.contains('$') }.collect { it - '.class' }.sort()
def sources = testSources.findAll { !it.startsWith('META-INF/') }.collect { it - '.java' }.sort()
assert classes.every { it.startsWith(server) } && classes.contains(server + 'EmbeddedTogglServer')
assert sources == classes : "test-sources holds ${testSources}, the test-jar's classes are ${classes}"
