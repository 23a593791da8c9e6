package io.herokusdk.mail.internal;

import io.herokusdk.core.Redactor;
import io.herokusdk.core.Secret;
import io.herokusdk.mail.Address;
import io.herokusdk.mail.Attachment;
import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.MailAuthenticationException;
import io.herokusdk.mail.MailRejectedException;
import io.herokusdk.mail.ProviderError;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds the multipart form of {@code POST /v3/{domain}/messages}, sends it over
 * {@link OkHttpTransport} and maps Mailgun's answers. Not API.
 */
public final class MailgunHttp implements AutoCloseable {
  private final OkHttpTransport transport;
  private final HttpUrl messagesUrl;
  private final String authorization;
  private final String apiKeyVar;
  private final Clock clock;

  /** Creates the client for {@code baseUrl} (like https://api.mailgun.net) and {@code domain}. */
  public MailgunHttp(Secret apiKey, String apiKeyVar, HttpUrl baseUrl, String domain,
      HttpSettings settings, int maxConnections, Clock clock) {
    this.apiKeyVar = apiKeyVar;
    this.clock = clock;
    this.transport = new OkHttpTransport(settings, maxConnections, Redactor.of(apiKey));
    this.authorization = Credentials.basic("api", apiKey.reveal());
    this.messagesUrl = baseUrl.newBuilder()
        .addPathSegment("v3").addPathSegment(domain).addPathSegment("messages").build();
  }

  /** Builds the multipart form for one email, or one bulk chunk when {@code chunk} is non-null. */
  public MultipartBody form(Email email, List<BulkRecipient> chunk, boolean testMode) {
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    form.addFormDataPart("from", email.from().toString());
    if (chunk == null) {
      for (Address a : email.to()) form.addFormDataPart("to", a.toString());
      for (Address a : email.cc()) form.addFormDataPart("cc", a.toString());
      for (Address a : email.bcc()) form.addFormDataPart("bcc", a.toString());
    } else {
      Map<String, Object> variables = new LinkedHashMap<>();
      for (BulkRecipient r : chunk) {
        form.addFormDataPart("to", r.to().toString());
        Map<String, Object> vars = new LinkedHashMap<>(email.templateData());
        vars.putAll(r.templateData());
        vars.putAll(r.customArgs());
        variables.put(r.to().email(), vars);
      }
      // With recipient-variables, Mailgun sends each "to" a separate message.
      form.addFormDataPart("recipient-variables", toJson(variables));
    }
    email.replyTo().ifPresent(a -> form.addFormDataPart("h:Reply-To", a.toString()));
    email.subject().ifPresent(s -> form.addFormDataPart("subject", s));
    email.text().ifPresent(t -> form.addFormDataPart("text", t));
    email.html().ifPresent(h -> form.addFormDataPart("html", h));
    email.templateId().ifPresent(t -> form.addFormDataPart("template", t));
    if (!email.templateData().isEmpty() && chunk == null) {
      form.addFormDataPart("t:variables", toJson(email.templateData()));
    }
    for (String category : email.categories()) form.addFormDataPart("o:tag", category);
    email.customArgs().forEach((k, v) -> form.addFormDataPart("v:" + k, v));
    email.headers().forEach((k, v) -> form.addFormDataPart("h:" + k, v));
    email.sendAt().ifPresent(at -> form.addFormDataPart("o:deliverytime",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))));
    if (testMode) form.addFormDataPart("o:testmode", "yes");
    for (Attachment a : email.attachments()) {
      boolean inline = a.disposition() == Attachment.Disposition.INLINE;
      form.addFormDataPart(inline ? "inline" : "attachment",
          inline ? a.contentId().orElseThrow() : a.filename(),
          RequestBody.create(a.content(), MediaType.parse(a.contentType())));
    }
    return form.build();
  }

  /** Makes one request. */
  public Outcome post(MultipartBody body, boolean testMode) {
    Request request = new Request.Builder()
        .url(messagesUrl)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .post(body)
        .build();
    return transport.execute(request, answer -> toOutcome(answer, testMode));
  }

  private Outcome toOutcome(OkHttpTransport.Answer answer, boolean testMode) {
    int status = answer.status();
    String body = answer.body();
    if (status >= 200 && status < 300) {
      String id = null;
      try {
        if (Json.parse(body) instanceof Map<?, ?> map && map.get("id") != null) {
          id = String.valueOf(map.get("id"));
        }
      } catch (IOException | RuntimeException e) {
        id = null;
      }
      return new Outcome.Accepted(status, id, testMode);
    }
    if (status == 429) {
      String retryAfter = answer.headers().get("Retry-After");
      java.time.Instant resetAt = null;
      if (retryAfter != null) {
        try {
          resetAt = clock.instant().plus(Duration.ofSeconds(Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
          resetAt = null;
        }
      }
      String reset = answer.headers().get("X-RateLimit-Reset");
      if (resetAt == null && reset != null) resetAt = SendGridHttp.resetTime(reset);
      return new Outcome.RateLimited(resetAt);
    }
    if (status >= 500) {
      return new Outcome.Unknown("Mailgun answered " + status, status, null);
    }
    List<ProviderError> errors = Json.parseErrors(body);
    String detail = errors.isEmpty() ? "" : ": " + errors;
    if (status == 401 || status == 403) {
      return new Outcome.Rejected(new MailAuthenticationException("Mailgun rejected the API key "
          + "from " + apiKeyVar + " (" + status + ")" + detail + ". Check it with `heroku "
          + "config:get " + apiKeyVar + "`, and that the domain's region (US or EU) is right.",
          status, errors));
    }
    if (status == 404) {
      return new Outcome.Rejected(new MailRejectedException("Mailgun does not know the domain in "
          + "the request (404)" + detail + ". Check MAILGUN_DOMAIN and the region (US or EU).",
          status, errors));
    }
    return new Outcome.Rejected(new MailRejectedException(
        "Mailgun refused the email (" + status + ")" + detail, status, errors));
  }

  private static String toJson(Object value) {
    okio.Buffer buffer = new okio.Buffer();
    try (com.squareup.moshi.JsonWriter out = com.squareup.moshi.JsonWriter.of(buffer)) {
      Json.writeValue(out, value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /** Releases connections and stops OkHttp's executor. */
  @Override
  public void close() {
    transport.close();
  }
}
