package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void replacesEveryOccurrenceOfEachSecret() {
    Redactor redactor = Redactor.of(Secret.of("hunter2"), Secret.of("tok-123"));

    assertThat(redactor.redact("FATAL: password hunter2 rejected (hunter2); token tok-123"))
        .isEqualTo("FATAL: password **** rejected (****); token ****");
  }

  @Test
  void replacesPercentEncodedForms() {
    Redactor redactor = Redactor.of(Secret.of("p@ss:w/rd é"));

    assertThat(redactor.redact("a p%40ss%3Aw%2Frd%20%C3%A9 b")).isEqualTo("a **** b");
    assertThat(redactor.redact("a p%40ss%3aw%2frd%20%c3%a9 b")).isEqualTo("a **** b");
    assertThat(redactor.redact("a p%40ss%3Aw%2Frd+%C3%A9 b")).isEqualTo("a **** b");
    assertThat(redactor.redact("a p@ss:w/rd é b")).isEqualTo("a **** b");
  }

  @Test
  void replacesTheLongerSecretWholeWhenOneContainsAnother() {
    Redactor redactor = Redactor.of(List.of(Secret.of("abc"), Secret.of("abcdef")));
    assertThat(redactor.redact("x abcdef y")).isEqualTo("x **** y");
  }

  @Test
  void redactsUrlPasswordsItWasNotToldAbout() {
    assertThat(Redactor.of().redact("could not connect to postgres://u:guess@h:5432/db"))
        .isEqualTo("could not connect to postgres://u:****@h:5432/db");
  }

  @Test
  void ignoresEmptySecretsAndNullText() {
    Redactor redactor = Redactor.of(Secret.of(""));
    assertThat(redactor.redact("unchanged")).isEqualTo("unchanged");
    assertThat(redactor.redact(null)).isNull();
    assertThat(Redactor.redactUrls(null)).isNull();
  }

  @Test
  void addsSecretsFromValuesAndServiceUrls() {
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL", "postgres://u:from-url@h/db");
    Redactor redactor = Redactor.of().withValue("plain-value").with(url);

    assertThat(redactor.redact("plain-value from-url")).isEqualTo("**** ****");
    assertThat(redactor.with(ServiceUrl.parse("X", "redis://h"))).isNotNull();
  }

  @Test
  void isImmutable() {
    Redactor base = Redactor.of(Secret.of("one"));
    Redactor more = base.with(Secret.of("two"));
    assertThat(base.redact("one two")).isEqualTo("**** two");
    assertThat(more.redact("one two")).isEqualTo("**** ****");
  }

  @Test
  void redactUrlsHidesUserInfoPasswords() {
    assertThat(Redactor.redactUrls("redis://:pw@host:6379 and rediss://user:p@ss@host2/0"))
        .isEqualTo("redis://:****@host:6379 and rediss://user:****@host2/0");
  }

  @Test
  void redactUrlsLeavesUrlsWithoutPasswordsAlone() {
    String text = "see https://devcenter.heroku.com/articles/x and postgres://user@h/db and "
        + "redis://u:@h and mailto:a@b.com";
    assertThat(Redactor.redactUrls(text)).isEqualTo(text);
  }

  @Test
  void redactUrlsHidesSensitiveQueryValues() {
    assertThat(Redactor.redactUrls(
        "jdbc:postgresql://h:5432/db?user=u&password=s3cr3t&sslmode=require"))
        .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=****&sslmode=require");
    assertThat(Redactor.redactUrls("GET /v3/x?api_key=abc123 HTTP/1.1"))
        .isEqualTo("GET /v3/x?api_key=**** HTTP/1.1");
  }

  @Test
  void redactUrlsHandlesManyUrlsAndOddText() {
    assertThat(Redactor.redactUrls("a://u:1@h b://u:2@h,c://u:3@h"))
        .isEqualTo("a://u:****@h b://u:****@h,c://u:****@h");
    assertThat(Redactor.redactUrls("://:@ :// $1 \\ ")).isEqualTo("://:@ :// $1 \\ ");
  }

  @Test
  void toStringShowsNoSecrets() {
    assertThat(Redactor.of(Secret.of("hunter2")).toString()).doesNotContain("hunter2");
  }
}
