package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.herokusdk.core.QueryParameters.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceUrlTest {

  @Test
  void parsesEveryPartOfATypicalHerokuPostgresUrl() {
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL",
        "postgres://u1abc:p4ssw0rd@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9xyz");

    assertThat(url.configVar()).isEqualTo("DATABASE_URL");
    assertThat(url.scheme()).isEqualTo("postgres");
    assertThat(url.user()).contains("u1abc");
    assertThat(url.password()).contains(Secret.of("p4ssw0rd"));
    assertThat(url.host()).isEqualTo("ec2-1-2-3-4.compute-1.amazonaws.com");
    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.hasExplicitPort()).isTrue();
    assertThat(url.path()).isEqualTo("d9xyz");
    assertThat(url.query().isEmpty()).isTrue();
    assertThat(url.fragment()).isEmpty();
    assertThat(url.isIpv6()).isFalse();
    assertThat(url.isLoopback()).isFalse();
    assertThat(url.authority()).isEqualTo("ec2-1-2-3-4.compute-1.amazonaws.com:5432");
  }

  @Test
  void configVarMayBeNull() {
    ServiceUrl url = ServiceUrl.parse(null, "redis://h");
    assertThat(url.configVar()).isNull();
  }

  @Test
  void lowerCasesSchemeAndHost() {
    ServiceUrl url = ServiceUrl.parse("X", "REDISS://Example.COM:6380");
    assertThat(url.scheme()).isEqualTo("rediss");
    assertThat(url.host()).isEqualTo("example.com");
  }

  @Test
  void percentDecodesUserPasswordAndPath() {
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL",
        "postgres://us%65r%20x:p%40ss%3Aw%2Frd@host/my%20db");

    assertThat(url.user()).contains("user x");
    assertThat(url.password().orElseThrow().reveal()).isEqualTo("p@ss:w/rd");
    assertThat(url.path()).isEqualTo("my db");
  }

  @Test
  void plusIsNotASpaceInUserInfoOrPath() {
    ServiceUrl url = ServiceUrl.parse("X", "postgres://a+b:c+d@host/e+f");
    assertThat(url.user()).contains("a+b");
    assertThat(url.password().orElseThrow().reveal()).isEqualTo("c+d");
    assertThat(url.path()).isEqualTo("e+f");
  }

  @Test
  void decodesMultiByteUtf8() {
    ServiceUrl url = ServiceUrl.parse("X", "postgres://u:%C3%A9t%C3%A9%F0%9F%94%91@h/db");
    assertThat(url.password().orElseThrow().reveal()).isEqualTo("été\uD83D\uDD11");
  }

  @Test
  void passwordMayContainUnencodedAtSignsAndColons() {
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL", "postgres://user:p@ss:w@rd@db.example.com/db");

    assertThat(url.user()).contains("user");
    assertThat(url.password().orElseThrow().reveal()).isEqualTo("p@ss:w@rd");
    assertThat(url.host()).isEqualTo("db.example.com");
  }

  @Test
  void atSignInTheQueryDoesNotMoveTheHost() {
    ServiceUrl url = ServiceUrl.parse("X", "https://api.example.com/v1?email=a@b.com");
    assertThat(url.host()).isEqualTo("api.example.com");
    assertThat(url.user()).isEmpty();
    assertThat(url.query().first("email")).contains("a@b.com");
  }

  @Test
  void userWithoutPassword() {
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL", "postgres://u@h/db");
    assertThat(url.user()).contains("u");
    assertThat(url.password()).isEmpty();
    assertThat(url.toString()).isEqualTo("postgres://u@h/db");
  }

  @Test
  void passwordWithoutUser() {
    ServiceUrl url = ServiceUrl.parse("REDIS_URL", "redis://:pw@host:6379");
    assertThat(url.user()).isEmpty();
    assertThat(url.password().orElseThrow().reveal()).isEqualTo("pw");
    assertThat(url.toString()).isEqualTo("redis://:****@host:6379");
  }

  @Test
  void emptyPasswordCountsAsNoPassword() {
    ServiceUrl url = ServiceUrl.parse("REDIS_URL", "redis://u:@h");
    assertThat(url.user()).contains("u");
    assertThat(url.password()).isEmpty();
  }

  @Test
  void emptyUserInfoCountsAsNone() {
    ServiceUrl url = ServiceUrl.parse("REDIS_URL", "redis://@h");
    assertThat(url.user()).isEmpty();
    assertThat(url.password()).isEmpty();
    assertThat(url.host()).isEqualTo("h");
  }

  @ParameterizedTest
  @CsvSource({
    "postgres://h, 5432",
    "postgresql://h, 5432",
    "redis://h, 6379",
    "rediss://h, 6379",
    "mysql://h, 3306",
    "mariadb://h, 3306",
    "http://h, 80",
    "https://h, 443",
    "amqp://h, 5672",
    "amqps://h, 5671",
    "mongodb://h, 27017",
    "memcached://h, 11211",
    "smtp://h, 587",
    "smtps://h, 465",
    "ftp://h, 21",
  })
  void missingPortMeansTheSchemesDefault(String text, int expectedPort) {
    ServiceUrl url = ServiceUrl.parse("X", text);
    assertThat(url.port()).isEqualTo(expectedPort);
    assertThat(url.hasExplicitPort()).isFalse();
  }

  @Test
  void defaultPortIsEmptyForUnknownSchemesAndIgnoresCase() {
    assertThat(ServiceUrl.defaultPort("kafka+ssl")).isEmpty();
    assertThat(ServiceUrl.defaultPort("POSTGRES")).hasValue(5432);
  }

  @Test
  void unknownSchemeWorksWithAnExplicitPort() {
    ServiceUrl url = ServiceUrl.parse("KAFKA_URL", "kafka+ssl://ec2-1-2-3-4.example.com:9096");
    assertThat(url.scheme()).isEqualTo("kafka+ssl");
    assertThat(url.port()).isEqualTo(9096);
  }

  @Test
  void ipv6Loopback() {
    ServiceUrl url = ServiceUrl.parse("REDIS_URL", "redis://[::1]");
    assertThat(url.isIpv6()).isTrue();
    assertThat(url.host()).isEqualTo("::1");
    assertThat(url.hostForUrl()).isEqualTo("[::1]");
    assertThat(url.port()).isEqualTo(6379);
    assertThat(url.authority()).isEqualTo("[::1]:6379");
    assertThat(url.isLoopback()).isTrue();
  }

  @Test
  void ipv6WithPortAndCredentials() {
    ServiceUrl url = ServiceUrl.parse("REDIS_URL", "rediss://:pw@[2001:DB8::1]:6380/0");
    assertThat(url.host()).isEqualTo("2001:db8::1");
    assertThat(url.port()).isEqualTo(6380);
    assertThat(url.path()).isEqualTo("0");
    assertThat(url.isLoopback()).isFalse();
    assertThat(url.toString()).isEqualTo("rediss://:****@[2001:db8::1]:6380/0");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "[::]", "[1:2:3:4:5:6:7:8]", "[1::]", "[::ffff:10.0.0.1]", "[fe80::1:2]", "[1:2:3:4:5:6:7::]",
  })
  void acceptsValidIpv6Forms(String host) {
    assertThat(ServiceUrl.parse("X", "redis://" + host).isIpv6()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]",
    "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]",
  })
  void recognizesLoopbackHostsLiterally(String host) {
    assertThat(ServiceUrl.parse("X", "redis://" + host).isLoopback()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "localhost.example.com", "128.0.0.1", "10.0.0.1", "[::2]", "[::ffff:10.0.0.1]", "127.0.0",
    "mylocalhost",
  })
  void otherHostsAreNotLoopback(String host) {
    assertThat(ServiceUrl.parse("X", "redis://" + host).isLoopback()).isFalse();
  }

  @Test
  void pathIsEmptyWithoutOneOrWithABareSlash() {
    assertThat(ServiceUrl.parse("X", "redis://h").path()).isEmpty();
    assertThat(ServiceUrl.parse("X", "redis://h/").path()).isEmpty();
    assertThat(ServiceUrl.parse("X", "redis://h?a=b").path()).isEmpty();
  }

  @Test
  void queryKeepsOrderRepeatsAndDecodes() {
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL",
        "postgres://h/db?sslmode=require&application_name=my+app&opt=a%26b&opt=c&ssl");

    assertThat(url.query().all()).containsExactly(
        new Parameter("sslmode", "require"),
        new Parameter("application_name", "my app"),
        new Parameter("opt", "a&b"),
        new Parameter("opt", "c"),
        new Parameter("ssl", ""));
    assertThat(url.query().all("opt")).containsExactly("a&b", "c");
    assertThat(url.query().first("ssl")).contains("");
  }

  @Test
  void fragment() {
    assertThat(ServiceUrl.parse("X", "https://h/p?q=1#sec%20tion").fragment()).contains("sec tion");
    assertThat(ServiceUrl.parse("X", "https://h/p#").fragment()).isEmpty();
    assertThat(ServiceUrl.parse("X", "https://h#frag").fragment()).contains("frag");
  }

  @Test
  void hostMayBePercentEncoded() {
    assertThat(ServiceUrl.parse("X", "redis://my%2Dhost").host()).isEqualTo("my-host");
  }

  @Test
  void toStringRedactsThePasswordAndSensitiveQueryValues() {
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL",
        "postgres://user:hunter2@h:5432/db?sslmode=require&password=hunter3");

    assertThat(url.toString())
        .isEqualTo(url.toRedactedString())
        .isEqualTo("postgres://user:****@h:5432/db?sslmode=require&password=****");
  }

  @Test
  void toSecretRevealsTheWholeUrlReEncoded() {
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL", "postgres://us%40er:p%40ss@h/my%20db?a=b+c");
    assertThat(url.toSecret().reveal()).isEqualTo("postgres://us%40er:p%40ss@h/my%20db?a=b%20c");
    assertThat(ServiceUrl.parse("X", url.toSecret().reveal())).isEqualTo(url);
  }

  @Test
  void withQueryAndWithoutCredentials() {
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL", "postgres://u:p@h/db?sslmode=disable");

    ServiceUrl changed = url.withQuery(url.query().with("sslmode", "require")).withoutCredentials();

    assertThat(changed.toString()).isEqualTo("postgres://h/db?sslmode=require");
    assertThat(changed.configVar()).isEqualTo("DATABASE_URL");
    assertThat(url.query().first("sslmode")).contains("disable");
  }

  @Test
  void encodedPathReEncodesForUseInAnotherUrl() {
    assertThat(ServiceUrl.parse("X", "postgres://h/a%20b/c").encodedPath()).isEqualTo("a%20b/c");
  }

  @Test
  void equalityIgnoresTheConfigVarName() {
    ServiceUrl a = ServiceUrl.parse("DATABASE_URL", "postgres://u:p@h/db");
    ServiceUrl b = ServiceUrl.parse("HEROKU_POSTGRESQL_RED_URL", "postgres://u:p@h/db");
    ServiceUrl c = ServiceUrl.parse("DATABASE_URL", "postgres://u:other@h/db");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
  }

  @Test
  void optionalAccessorsAreEmptyRatherThanNull() {
    ServiceUrl url = ServiceUrl.parse("X", "redis://h");
    assertThat(url.user()).isEqualTo(Optional.empty());
    assertThat(url.query().all()).isEqualTo(List.of());
  }

  // ---- rejections: each case plants a password and checks it never reaches the message ----

  /** Never in any error message, in any form. */
  static final String PLANTED = "Pl4ntedS3cret";

  static Stream<Arguments> rejections() {
    String pw = PLANTED;
    return Stream.of(
        // no scheme, no '//', JDBC
        arguments("localhost:5432/db?password=" + pw, "does not start with a scheme"),
        arguments("u:" + pw + "@localhost:5432/db", "does not start with a scheme"),
        arguments("//u:" + pw + "@host/db", "does not start with a scheme"),
        arguments(pw, "does not start with a scheme"),
        arguments("3postgres://u:" + pw + "@h/db", "does not start with a scheme"),
        arguments("post gres://u:" + pw + "@h/db", "space or control character"),
        arguments("postgres:/u:" + pw + "@h/db", "no '//' after 'postgres:'"),
        arguments("unknown:u:" + pw + "@h/db", "does not start with a scheme followed by '://'"),
        arguments("jdbc:postgresql://h:5432/db?user=u&password=" + pw, "looks like a JDBC URL"),
        arguments("JDBC:mysql://u:" + pw + "@h/db", "looks like a JDBC URL"),
        // whitespace and control characters
        arguments(" postgres://u:" + pw + "@h/db", "at the start"),
        arguments("postgres://u:" + pw + "@h/db\n", "at the end"),
        arguments("postgres://u:" + pw + " x@h/db", "at character 27"),
        arguments("postgres://u:" + pw + "\t@h/db", "control character"),
        arguments("postgres://u:" + pw + "@h/d\u0000b", "control character"),
        arguments("postgres://u:" + pw + "\u00A0@h/db", "space"),
        // ports
        arguments("postgres://u:" + pw + "@h:abc/db", "port that is not a number"),
        arguments("postgres://u:" + pw + "@h:-1/db", "port that is not a number"),
        arguments("postgres://u:" + pw + "@h:+5/db", "port that is not a number"),
        arguments("postgres://u:" + pw + "@h:0/db", "out of range"),
        arguments("postgres://u:" + pw + "@h:65536/db", "out of range"),
        arguments("redis://:" + pw + "@h:99999999999", "out of range"),
        arguments("postgres://u:" + pw + "@h:/db", "no port number"),
        arguments("kafka+ssl://u:" + pw + "@broker.example.com",
            "'kafka+ssl' has no default port; add the port"),
        // hosts
        arguments("postgres://u:" + pw + "@/db", "has no host"),
        arguments("postgres://u:" + pw + "@", "has no host"),
        arguments("redis://:" + pw + "@:6379", "has no host"),
        arguments("postgres:///db?password=" + pw, "has no host"),
        arguments("postgres://u:" + pw + "@h:1:2/db", "more than one ':'"),
        arguments("postgres://u:" + pw + "@h!st/db", "not allowed"),
        arguments("postgres://u:" + pw + "@h,i/db", "not allowed"),
        arguments("postgres://u:" + pw + "@.h/db", "not allowed"),
        arguments("postgres://u:" + pw + "@a..b/db", "not allowed"),
        // IPv6
        arguments("redis://:" + pw + "@[::1", "without the closing ']'"),
        arguments("redis://:" + pw + "@[]", "invalid IPv6"),
        arguments("redis://:" + pw + "@[1:2:3:4:5:6:7:8:9]", "invalid IPv6"),
        arguments("redis://:" + pw + "@[12345::]", "invalid IPv6"),
        arguments("redis://:" + pw + "@[::g]", "invalid IPv6"),
        arguments("redis://:" + pw + "@[1::2::3]", "invalid IPv6"),
        arguments("redis://:" + pw + "@[127.0.0.1]", "invalid IPv6"),
        arguments("redis://:" + pw + "@[fe80::1%25eth0]", "invalid IPv6"),
        arguments("redis://:" + pw + "@[::1]x", "unexpected text after the IPv6"),
        arguments("redis://:" + pw + "@[::1]:", "no port number"),
        arguments("redis://:" + pw + "@2001:db8::1:6379", "more than one ':'"),
        // percent-encoding
        arguments("postgres://u:" + pw + "%zz@h/db", "invalid percent-escape in the password"),
        arguments("postgres://u:" + pw + "%4@h/db", "invalid percent-escape in the password"),
        arguments("postgres://u:" + pw + "%@h/db", "invalid percent-escape in the password"),
        arguments("postgres://u:" + pw + "%C3%28@h/db", "not UTF-8"),
        arguments("postgres://%zz:" + pw + "@h/db", "invalid percent-escape in the user name"),
        arguments("postgres://u:" + pw + "@h/d%zzb", "invalid percent-escape in the path"),
        arguments("postgres://u:" + pw + "@h/db?a=%zz", "invalid percent-escape in the value"),
        arguments("postgres://h/db?password=" + pw + "%zz", "invalid percent-escape in the value"),
        arguments("postgres://u:" + pw + "@h/db?%4=1", "invalid percent-escape in the name"),
        arguments("postgres://u:" + pw + "@h/db#%zz", "invalid percent-escape in the fragment"),
        arguments("postgres://u:" + pw + "@h%zz/db", "invalid percent-escape in the host"),
        // Unix-domain sockets
        arguments("postgres://u:" + pw + "@%2Fvar%2Frun%2Fpostgresql/db", "Unix-domain sockets"),
        arguments("postgres://%2Fvar%2Frun%2Fpostgresql/db?password=" + pw, "Unix-domain sockets"),
        arguments("postgres://u:" + pw + "@/db?host=/var/run/postgresql", "Unix-domain sockets"),
        arguments("postgres://u:" + pw + "@/db?host=%2Fvar%2Frun", "Unix-domain sockets"),
        arguments("mysql://u:" + pw + "@localhost/db?socket=/tmp/mysql.sock", "Unix-domain sockets"),
        // unencoded '/', '?' or '#' in the password
        arguments("postgres://user:" + pw + "/x@host/db", "percent-encode those as %2F"),
        arguments("postgres://user:" + pw + "?x@host/db", "percent-encode those as %2F"),
        arguments("redis://:" + pw + "#x@host:6379", "percent-encode those as %2F"),
        arguments("redis://:x#" + pw + "@host:6379", "percent-encode those as %2F"),
        arguments("postgres://user:123/" + pw + "@host/db", "percent-encode those as %2F"),
        arguments("postgres://user:123?" + pw + "@host/db", "percent-encode those as %2F"),
        arguments("redis://u:123#" + pw + "@host", "percent-encode those as %2F"),
        arguments("postgres://user:123?x=1&" + pw + "@host/db", "percent-encode those as %2F"),
        arguments("postgres://user@h/" + pw + "@host/db", "percent-encode those as %2F"));
  }

  @ParameterizedTest
  @MethodSource("rejections")
  void rejectsWithAMessageThatNamesTheVarAndLeaksNothing(String text, String expected) {
    assertThat(text).contains(PLANTED);
    InvalidConfigVarException e = assertInvalidWithoutLeaks(text, "DATABASE_URL");
    assertThat(e.getMessage()).contains(expected);
  }

  @Test
  void rejectsNullAndBlank() {
    assertThat(assertInvalidWithoutLeaks(null, "REDIS_URL").getMessage()).contains("is empty");
    assertThat(assertInvalidWithoutLeaks("", "REDIS_URL").getMessage()).contains("is empty");
    assertThat(assertInvalidWithoutLeaks(" \t", "REDIS_URL").getMessage()).contains("is empty");
  }

  @Test
  void acceptsTheExtremePorts() {
    assertThat(ServiceUrl.parse("X", "redis://h:1").port()).isEqualTo(1);
    assertThat(ServiceUrl.parse("X", "redis://h:65535").port()).isEqualTo(65535);
    assertThat(ServiceUrl.parse("X", "redis://h:006379").port()).isEqualTo(6379);
  }

  @Test
  void errorsWithoutAConfigVarSayTheUrl() {
    assertThatThrownBy(() -> ServiceUrl.parse(null, "localhost:5432"))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageStartingWith("The URL does not start with a scheme")
        .satisfies(e -> assertThat(((InvalidConfigVarException) e).configVar()).isEmpty());
  }

  @Test
  void errorsNameTheConfigVar() {
    assertThatThrownBy(() -> ServiceUrl.parse("REDIS_URL", "redis://h:0"))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageStartingWith("REDIS_URL has a port")
        .satisfies(e -> assertThat(((ConfigException) e).configVar()).contains("REDIS_URL"));
  }

  @Test
  void errorMessagesSayHowToFixThings() {
    assertThat(assertInvalidWithoutLeaks("kafka://broker1", "KAFKA_URL").getMessage())
        .isEqualTo("KAFKA_URL has no port, and 'kafka' has no default port; add the port, like "
            + "kafka://host:1234.");
    assertThat(assertInvalidWithoutLeaks("jdbc:postgresql://h/db", "DATABASE_URL").getMessage())
        .isEqualTo("DATABASE_URL looks like a JDBC URL (it starts with 'jdbc:'); give the "
            + "add-on's own URL instead, like postgres://user:password@host:5432/dbname, and let "
            + "the SDK build the JDBC URL.");
    assertThat(assertInvalidWithoutLeaks("postgres:///db?host=/tmp", "DATABASE_URL").getMessage())
        .isEqualTo("DATABASE_URL points at a Unix-domain socket; Unix-domain sockets are not "
            + "supported, use a TCP host and port instead, like "
            + "postgres://user:password@localhost:5432/dbname.");
  }

  /**
   * Parses {@code text} as {@code configVar}, expects an {@link InvalidConfigVarException} naming
   * the var, and checks its message has neither the URL nor the planted password in it.
   */
  static InvalidConfigVarException assertInvalidWithoutLeaks(String text, String configVar) {
    InvalidConfigVarException e = null;
    try {
      ServiceUrl.parse(configVar, text);
    } catch (InvalidConfigVarException thrown) {
      e = thrown;
    }
    assertThat(e).as("parse(%s) should fail", text).isNotNull();
    assertThat(e.getMessage()).startsWith(configVar + " ").endsWith(".");
    assertThat(e.configVar()).contains(configVar);
    assertThat(e.getMessage()).doesNotContain(PLANTED).doesNotContain(PLANTED.toLowerCase());
    if (text != null && !text.isBlank()) {
      assertThat(e.getMessage()).doesNotContain(text.strip());
    }
    return e;
  }
}
