package io.herokusdk.mail;

import io.herokusdk.core.Sleeper;

import io.herokusdk.core.Secret;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/** Shared fixtures: a fake SendGrid that also checks bodies against the OpenAPI file. */
final class TestSupport {
  private static final Optional<OpenApiBodyValidator> SCHEMA = OpenApiBodyValidator.load();

  private TestSupport() {}

  /** A fake SendGrid that rejects (400) any body breaking the OpenAPI schema, if the file is there. */
  static FakeSendGrid.Builder fakeSendGrid() {
    FakeSendGrid.Builder builder = FakeSendGrid.builder();
    SCHEMA.ifPresent(schema -> builder.extraCheck(body ->
        schema.validate(body).stream().map(p -> "OpenAPI schema: " + p).toList()));
    return builder;
  }

  static boolean schemaAvailable() {
    return SCHEMA.isPresent();
  }

  static SendGridMailer.Builder mailerFor(FakeSendGrid fake, RecordingSleeper sleeper) {
    return SendGridMailer.builder()
        .apiKey(Secret.of(fake.apiKey()))
        .endpoint(fake.endpoint())
        .sleeper(sleeper)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5));
  }

  static Email.Builder welcome() {
    return Email.builder()
        .from("hello@example.com", "Example App")
        .to("ada@example.com", "Ada Lovelace")
        .subject("Welcome!")
        .text("Thanks for signing up.");
  }

  /** A loopback port with nothing listening on it (bound, then released). */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records each wait instead of sleeping, and can run an action on the n-th wait. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();
    private Runnable onFirstWait;

    RecordingSleeper onFirstWait(Runnable action) {
      this.onFirstWait = action;
      return this;
    }

    @Override
    public synchronized void sleep(Duration duration) {
      waits.add(duration);
      if (waits.size() == 1 && onFirstWait != null) onFirstWait.run();
    }
  }

  /** Reads the multipart form into name → values (file parts as "filename:bytes"). */
  static Map<String, List<String>> form(RecordedRequest request) throws IOException {
    MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
    Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
    try (MultipartReader reader = new MultipartReader(
        new Buffer().write(request.getBody()), type.parameter("boundary"))) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = part.headers().get("Content-Disposition");
        String name = disposition.replaceAll("^form-data; name=\"([^\"]*)\".*", "$1");
        String value = part.body().readUtf8();
        if (disposition.contains("filename=")) {
          value = disposition.replaceAll(".*filename=\"([^\"]*)\".*", "$1") + ":" + value;
        }
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return fields;
  }
}
