package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.QueryParameters.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

  @Test
  void parseKeepsOrderAndRepeatsAndDecodesPlusAsSpace() {
    QueryParameters query = QueryParameters.parse("b=2&a=1&b=3&name=a+b%2Bc&flag&empty=");

    assertThat(query.all()).containsExactly(
        new Parameter("b", "2"),
        new Parameter("a", "1"),
        new Parameter("b", "3"),
        new Parameter("name", "a b+c"),
        new Parameter("flag", ""),
        new Parameter("empty", ""));
    assertThat(query.size()).isEqualTo(6);
  }

  @Test
  void parseSkipsEmptySegmentsAndSplitsAtTheFirstEquals() {
    QueryParameters query = QueryParameters.parse("&a=b=c&&");
    assertThat(query.all()).containsExactly(new Parameter("a", "b=c"));
  }

  @Test
  void parseRejectsBadPercentEncodingWithoutShowingTheValue() {
    assertThatThrownBy(() -> QueryParameters.parse("a=1&password=s3cr3t%zz"))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageStartingWith("The query string has an invalid percent-escape in the value of "
            + "query parameter number 2")
        .message().doesNotContain("s3cr3t");
  }

  @Test
  void lookups() {
    QueryParameters query = QueryParameters.parse("a=1&b=2&a=3");

    assertThat(query.first("a")).contains("1");
    assertThat(query.first("z")).isEmpty();
    assertThat(query.all("a")).containsExactly("1", "3");
    assertThat(query.all("z")).isEmpty();
    assertThat(query.contains("b")).isTrue();
    assertThat(query.contains("B")).as("names are case-sensitive").isFalse();
  }

  @Test
  void withReplacesEveryOccurrenceAtThePositionOfTheFirst() {
    QueryParameters query = QueryParameters.parse("a=1&b=2&a=3&c=4");
    assertThat(query.with("a", "9").encode()).isEqualTo("a=9&b=2&c=4");
  }

  @Test
  void withAppendsANewName() {
    assertThat(QueryParameters.parse("a=1").with("sslmode", "require").encode())
        .isEqualTo("a=1&sslmode=require");
    assertThat(QueryParameters.empty().with("x", "y").encode()).isEqualTo("x=y");
  }

  @Test
  void withoutRemovesEveryOccurrence() {
    QueryParameters query = QueryParameters.parse("a=1&b=2&a=3");
    assertThat(query.without("a").encode()).isEqualTo("b=2");
    assertThat(query.without("z")).isSameAs(query);
  }

  @Test
  void isImmutable() {
    QueryParameters query = QueryParameters.parse("a=1");
    query.with("a", "2");
    query.without("a");
    assertThat(query.encode()).isEqualTo("a=1");
    assertThatThrownBy(() -> query.all().add(new Parameter("b", "2")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void asMapKeepsTheFirstValueAndTheOrder() {
    assertThat(QueryParameters.parse("b=2&a=1&b=3").asMap())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("b", "2"),
            org.assertj.core.api.Assertions.entry("a", "1"));
  }

  @Test
  void encodePercentEncodesEverythingButUnreservedCharacters() {
    QueryParameters query = QueryParameters.of(List.of(
        new Parameter("application name", "my app/é&=?"),
        new Parameter("flag", "")));

    assertThat(query.encode()).isEqualTo("application%20name=my%20app%2F%C3%A9%26%3D%3F&flag");
    assertThat(QueryParameters.parse(query.encode())).isEqualTo(query);
  }

  @Test
  void emptyEncodesToTheEmptyString() {
    assertThat(QueryParameters.empty().encode()).isEmpty();
    assertThat(QueryParameters.empty().isEmpty()).isTrue();
    assertThat(QueryParameters.parse("")).isEqualTo(QueryParameters.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "password", "PASSWORD", "db_password", "passwd", "pwd", "client_secret", "token", "api_key",
    "apiKey", "sslkey", "auth", "X-Amz-Credential", "X-Amz-Signature",
  })
  void sensitiveNames(String name) {
    assertThat(QueryParameters.isSensitive(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sslmode", "user", "application_name", "connect_timeout", "ssl"})
  void ordinaryNames(String name) {
    assertThat(QueryParameters.isSensitive(name)).isFalse();
  }

  @Test
  void toStringRedactsSensitiveValues() {
    QueryParameters query = QueryParameters.parse("sslmode=require&password=hunter2&api_key=k3y");

    assertThat(query.toString())
        .isEqualTo(query.toRedactedString())
        .isEqualTo("sslmode=require&password=****&api_key=****");
    assertThat(query.all().get(1).toString()).isEqualTo("password=****");
    assertThat(query.all().get(0).toString()).isEqualTo("sslmode=require");
  }

  @Test
  void parametersRejectNulls() {
    assertThatThrownBy(() -> new Parameter(null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Parameter("n", null)).isInstanceOf(NullPointerException.class);
  }
}
