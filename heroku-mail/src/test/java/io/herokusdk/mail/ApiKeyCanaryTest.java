package io.herokusdk.mail;

import io.herokusdk.core.Sleeper;

import static io.herokusdk.mail.TestSupport.welcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.Secret;
import io.herokusdk.mail.TestSupport.RecordingSleeper;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TraceLogging;
import io.herokusdk.testing.sendgrid.FakeSendGrid.Answer;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API key never appears in a toString, an exception (message, cause, trace) or a log line. */
@ExtendWith(TraceLogging.class)
class ApiKeyCanaryTest {
  /** The canary with only header-safe ASCII, so that the fake can accept it. */
  private static String asciiCanary() {
    return SecretCanary.newSecret().replaceAll("[^A-Za-z0-9_@:/%+.-]", "x");
  }

  @Test
  void sendGridKeyNeverLeaks() {
    String key = asciiCanary();
    List<Object> evidence = new ArrayList<>();
    try (LogCapture logs = LogCapture.start();
        FakeSendGrid fake = TestSupport.fakeSendGrid().apiKey(key).start()) {
      fake.enqueue(Answer.validate());
      fake.enqueue(Answer.status(400, new FakeSendGrid.Error("from", "bad from")));
      fake.enqueue(Answer.status(403, new FakeSendGrid.Error(null, "forbidden")));
      fake.enqueue(Answer.serverError(500));
      fake.enqueue(Answer.noAnswer());
      fake.enqueue(Answer.rateLimited(java.time.Instant.now().plusSeconds(3600)));
      Mailer mailer = HerokuMail.builder()
          .configVars(ConfigVars.of(Map.of("SENDGRID_API_KEY", key, "MAIL_SANDBOX", "false"))).build();
      mailer.close();
      evidence.add(mailer);
      try (SendGridMailer sg = SendGridMailer.builder().apiKey(Secret.of(key))
          .endpoint(fake.endpoint()).sleeper(new RecordingSleeper()).build()) {
        evidence.add(sg);
        evidence.add(sg.toBuilder());
        evidence.add(sg.send(welcome().build()));
        for (int i = 0; i < 5; i++) evidence.add(catchThrowable(() -> sg.send(welcome().build())));
        evidence.add(sg.sendBulk(Email.builder().from("a@example.com").subject("s").text("t")
            .build(), BulkSendTest.recipients(3)));
      }
      try (SendGridMailer wrongKey = SendGridMailer.builder().apiKey(Secret.of(key + "-wrong"))
          .endpoint(fake.endpoint()).build()) {
        evidence.add(catchThrowable(() -> wrongKey.send(welcome().build())));
      }
      try (SendGridMailer down = SendGridMailer.builder().apiKey(Secret.of(key))
          .endpoint(URI.create("http://127.0.0.1:" + TestSupport.closedPort()))
          .retryPolicy(MailRetryPolicy.none()).build()) {
        evidence.add(catchThrowable(() -> down.send(welcome().build())));
      }
      evidence.add(logs);
      assertThat(evidence).hasSizeGreaterThan(10);
      SecretCanary.assertNoLeak(key, evidence.toArray());
    }
  }

  @Test
  void sendGridKeyWithNonAsciiCharactersNeverLeaks() {
    String key = SecretCanary.newSecret();
    try (LogCapture logs = LogCapture.start(); FakeSendGrid fake = FakeSendGrid.start();
        SendGridMailer sg = SendGridMailer.builder().apiKey(Secret.of(key))
            .endpoint(fake.endpoint()).build()) {
      Throwable thrown = catchThrowable(() -> sg.send(welcome().build()));
      assertThat(thrown).isInstanceOf(MailAuthenticationException.class);
      SecretCanary.assertNoLeak(key, thrown, logs, sg);
    }
  }

  @Test
  void mailgunKeyNeverLeaks() throws IOException {
    String key = asciiCanary();
    try (LogCapture logs = LogCapture.start(); MockWebServer server = new MockWebServer()) {
      server.start();
      // A server that echoes the Authorization header back must not make the key leak either.
      server.enqueue(new MockResponse.Builder().code(401).body("Forbidden").build());
      server.enqueue(new MockResponse.Builder().code(400)
          .body("{\"message\":\"echo: " + key + "\"}").build());
      server.enqueue(new MockResponse.Builder().code(502).build());
      Mailer mailer = HerokuMail.fromConfig(ConfigVars.of(Map.of(
          "MAILGUN_API_KEY", key, "MAILGUN_DOMAIN", "mg.example.com")));
      mailer.close();
      try (MailgunMailer mg = MailgunMailer.builder().apiKey(Secret.of(key))
          .domain("mg.example.com").endpoint(server.url("/").toString()).build()) {
        Throwable unauthorized = catchThrowable(() -> mg.send(welcome().build()));
        Throwable echoed = catchThrowable(() -> mg.send(welcome().build()));
        Throwable unknown = catchThrowable(() -> mg.send(welcome().build()));
        assertThat(echoed).isInstanceOf(MailRejectedException.class);
        SecretCanary.assertNoLeak(key, mailer, mg, mg.toBuilder(), unauthorized, echoed, unknown,
            logs);
      }
    }
  }
}
