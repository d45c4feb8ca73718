// Invoker post-build hook: the user's tests print only their own output (here none). SLF4J's
// warnings about a missing or mismatched provider are what README's dependencies once printed.
def log = new File(basedir, 'build.log').getText('UTF-8')
def slf4j = log.readLines().findAll { it.contains('SLF4J') }
assert slf4j.isEmpty() : "The tests printed SLF4J warnings:\n${slf4j.join('\n')}"
assert new File(basedir, 'target/surefire-reports/TEST-SignInTest.xml').isFile() : 'SignInTest did not run'
