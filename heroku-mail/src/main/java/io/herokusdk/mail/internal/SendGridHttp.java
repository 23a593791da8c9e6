package io.herokusdk.mail.internal;

import io.herokusdk.core.Redactor;
import io.herokusdk.core.Secret;
import io.herokusdk.mail.MailAuthenticationException;
import io.herokusdk.mail.MailRejectedException;
import io.herokusdk.mail.ProviderError;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Sends {@code POST /v3/mail/send} with a JSON body over {@link OkHttpTransport}, and maps
 * SendGrid's answers (202/200, 429 with {@code X-RateLimit-Reset}, 4xx {@code errors[]}, 5xx).
 * Not API.
 */
public final class SendGridHttp implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpTransport transport;
  private final HttpUrl sendUrl;
  /** {@code Bearer <key>}, or null when the key cannot travel in an HTTP header. */
  private final @Nullable String authorization;
  private final String apiKeyVar;

  /**
   * Creates the client for {@code endpoint} (https://api.sendgrid.com, or http://host:port for
   * a fake server).
   */
  public SendGridHttp(Secret apiKey, String apiKeyVar, URI endpoint, HttpSettings settings,
      int maxConnections) {
    this.apiKeyVar = apiKeyVar;
    this.transport = new OkHttpTransport(settings, maxConnections, Redactor.of(apiKey));
    this.sendUrl = HttpUrl.get(endpoint.toString()).newBuilder()
        .encodedPath("/v3/mail/send").build();
    String key = apiKey.reveal();
    this.authorization = key.chars().allMatch(c -> c > 32 && c < 127) ? "Bearer " + key : null;
  }

  /** Makes one request with this JSON body. */
  public Outcome post(String jsonBody, boolean sandbox) {
    if (authorization == null) {
      return new Outcome.Rejected(new MailAuthenticationException("The API key in " + apiKeyVar
          + " contains characters an HTTP header cannot carry (SendGrid keys are printable "
          + "ASCII, like SG.xxx.yyy). Nothing was sent. Check it with `heroku config:get "
          + apiKeyVar + "`.", 0, List.of()));
    }
    Request request = new Request.Builder()
        .url(sendUrl)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .post(RequestBody.create(jsonBody, JSON))
        .build();
    return transport.execute(request, answer -> toOutcome(answer, sandbox));
  }

  private Outcome toOutcome(OkHttpTransport.Answer answer, boolean sandbox) {
    int status = answer.status();
    if (status >= 200 && status < 300) {
      return new Outcome.Accepted(status, answer.headers().get("X-Message-Id"), sandbox);
    }
    if (status == 429) {
      return new Outcome.RateLimited(resetTime(answer.headers().get("X-RateLimit-Reset")));
    }
    if (status >= 500) {
      return new Outcome.Unknown("SendGrid answered " + status, status, null);
    }
    List<ProviderError> errors = Json.parseErrors(answer.body());
    String detail = errors.isEmpty() ? "" : ": " + errors;
    if (status == 401) {
      return new Outcome.Rejected(new MailAuthenticationException("SendGrid rejected the API key "
          + "from " + apiKeyVar + " (401 Unauthorized)" + detail + ". Check the key with "
          + "`heroku config:get " + apiKeyVar + "`; create a key with the Mail Send permission "
          + "in SendGrid's settings.", status, errors));
    }
    if (status == 403) {
      return new Outcome.Rejected(new MailRejectedException("SendGrid refused the request (403 "
          + "Forbidden)" + detail + ". Either the key in " + apiKeyVar + " lacks the Mail Send "
          + "permission, or the from address is not a verified sender.", status, errors));
    }
    if (status == 413) {
      return new Outcome.Rejected(new MailRejectedException("SendGrid refused the email as too "
          + "large (413)" + detail + ". The whole request body must be under 30,000,000 bytes "
          + "(attachments count base64-encoded).", status, errors));
    }
    return new Outcome.Rejected(new MailRejectedException(
        "SendGrid refused the email (" + status + ")" + detail, status, errors));
  }

  /** Parses {@code X-RateLimit-Reset}: epoch seconds. Returns null if absent or malformed. */
  static @Nullable Instant resetTime(@Nullable String value) {
    if (value == null) return null;
    try {
      return Instant.ofEpochSecond(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Releases connections. */
  @Override
  public void close() {
    transport.close();
  }
}
