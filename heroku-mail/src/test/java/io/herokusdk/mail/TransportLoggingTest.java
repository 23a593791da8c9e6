package io.herokusdk.mail;

import io.herokusdk.core.Sleeper;

import static io.herokusdk.mail.TestSupport.welcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.core.Secret;
import io.herokusdk.mail.TestSupport.RecordingSleeper;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import io.herokusdk.testing.sendgrid.FakeSendGrid.Answer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With every java.util.logging logger at ALL (where OkHttp logs, and where commons-logging logs
 * when nothing routes it elsewhere) and stdout/stderr captured (slf4j-simple), a send never
 * logs the API key: the transports install no logging interceptor, and there is no Apache
 * HttpClient whose {@code org.apache.http.headers} / {@code .wire} loggers would print
 * {@code Authorization: Bearer <key>}.
 */
class TransportLoggingTest {
  private final Logger root = Logger.getLogger("");
  private final List<String> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public synchronized void publish(LogRecord record) {
      records.add(record.getLoggerName() + " " + formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level rootLevel;

  @BeforeEach
  void everyLoggerAtAll() {
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
  }

  @AfterEach
  void restore() {
    root.removeHandler(handler);
    root.setLevel(rootLevel);
  }

  private synchronized String julText() {
    return String.join("\n", records);
  }

  @Test
  void sendGridSendsNeverLogTheKeyAtAnyLevel() {
    String key = SecretCanary.newSecret().replaceAll("[^A-Za-z0-9_@:/%+.-]", "x");
    try (LogCapture logs = LogCapture.start();
        FakeSendGrid fake = TestSupport.fakeSendGrid().apiKey(key).start();
        SendGridMailer mailer = SendGridMailer.builder().apiKey(Secret.of(key))
            .endpoint(fake.endpoint()).sleeper(new RecordingSleeper()).build()) {
      fake.enqueue(Answer.validate());
      fake.enqueue(Answer.serverError(503));
      mailer.send(welcome().build());
      Throwable unknown = catchThrowable(() -> mailer.send(welcome().build()));
      mailer.sendBulk(Email.builder().from("a@example.com").subject("s").text("t").build(),
          BulkSendTest.recipients(3));
      assertThat(fake.accepted()).hasSize(2);
      assertThat(unknown).isInstanceOf(DeliveryUnknownException.class);
      SecretCanary.assertNoLeak(key, julText(), logs, unknown);
    }
  }

  @Test
  void mailgunSendsNeverLogTheKeyAtAnyLevel() throws IOException {
    String key = SecretCanary.newSecret().replaceAll("[^A-Za-z0-9_@:/%+.-]", "x");
    try (LogCapture logs = LogCapture.start(); MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"<1@mg>\"}").build());
      try (MailgunMailer mailer = MailgunMailer.builder().apiKey(Secret.of(key))
          .domain("mg.example.com").endpoint(server.url("/").toString()).build()) {
        mailer.send(welcome().build());
      }
      SecretCanary.assertNoLeak(key, julText(), logs);
    }
  }
}
