package io.herokusdk.mail.internal;

import io.herokusdk.core.Redactor;
import io.herokusdk.core.Secret;
import io.herokusdk.mail.Address;
import io.herokusdk.mail.Attachment;
import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.ContentPart;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.InvalidEmailException;
import io.herokusdk.mail.MailAuthenticationException;
import io.herokusdk.mail.MailRejectedException;
import io.herokusdk.mail.MailSettings;
import io.herokusdk.mail.ProviderError;
import io.herokusdk.mail.TrackingSettings;
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
import org.jspecify.annotations.Nullable;

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

  /**
   * Throws if {@code email} (or a bulk send of it to {@code recipients}, when not null) sets
   * something Mailgun has no equivalent for; see the README's Mailgun table.
   *
   * @throws InvalidEmailException naming the field
   */
  public static void checkSupported(Email email, @Nullable List<BulkRecipient> recipients) {
    String why = " has no Mailgun equivalent; leave it unset for Mailgun, or send with "
        + "SendGridMailer";
    if (email.asm().isPresent()) throw new InvalidEmailException("asm", "SendGrid's "
        + "unsubscribe groups" + why);
    if (email.batchId().isPresent()) throw new InvalidEmailException("batchId", "SendGrid's "
        + "batch id" + why);
    if (email.ipPoolName().isPresent()) throw new InvalidEmailException("ipPoolName",
        "SendGrid's IP pool name" + why + " (Mailgun's o:sending-ip-pool takes a Mailgun pool "
            + "id, not a name)");
    for (int i = 0; i < email.contents().size(); i++) {
      if (!email.contents().get(i).baseType().equals(ContentPart.AMP)) {
        throw new InvalidEmailException("contents[" + i + "].type", "Mailgun takes only "
            + "text, html and AMP (amp-html) bodies; "
            + email.contents().get(i).baseType() + why);
      }
    }
    if (email.trackingSettings().isPresent()) {
      TrackingSettings t = email.trackingSettings().get();
      if (t.openTracking().map(o -> o.substitutionTag() != null).orElse(false)) {
        throw new InvalidEmailException("trackingSettings.openTracking.substitutionTag",
            "placing the open pixel" + why);
      }
      if (t.subscriptionTracking().isPresent()) {
        throw new InvalidEmailException("trackingSettings.subscriptionTracking",
            "subscription tracking" + why + " (Mailgun adds unsubscribe links through "
                + "%unsubscribe_url% in the body)");
      }
      if (t.googleAnalytics().isPresent()) {
        throw new InvalidEmailException("trackingSettings.googleAnalytics", "Google Analytics "
            + "link parameters" + why);
      }
    }
    if (email.mailSettings().isPresent()) {
      MailSettings m = email.mailSettings().get();
      if (m.bypassListManagement().isPresent() || m.bypassSpamManagement().isPresent()
          || m.bypassBounceManagement().isPresent()
          || m.bypassUnsubscribeManagement().isPresent()) {
        throw new InvalidEmailException("mailSettings.bypass", "bypassing suppression lists"
            + why);
      }
      if (m.footer().isPresent()) {
        throw new InvalidEmailException("mailSettings.footer", "a per-email footer" + why);
      }
    }
    if (recipients != null) {
      for (int i = 0; i < recipients.size(); i++) {
        BulkRecipient r = recipients.get(i);
        String field = "recipients[" + i + "]";
        if (r.subject() != null) throw new InvalidEmailException(field + ".subject",
            "a per-recipient subject in a batch send" + why);
        if (!r.headers().isEmpty()) throw new InvalidEmailException(field + ".headers",
            "per-recipient headers in a batch send" + why);
        if (r.sendAt() != null) throw new InvalidEmailException(field + ".sendAt",
            "a per-recipient send time in a batch send" + why);
      }
    }
  }

  /** Builds the multipart form for one email, or one bulk chunk when {@code chunk} is non-null. */
  public MultipartBody form(Email email, @Nullable List<BulkRecipient> chunk, boolean testMode) {
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    form.addFormDataPart("from", AddressText.mailbox(email.from()));
    if (chunk == null) {
      for (Address a : email.to()) form.addFormDataPart("to", AddressText.mailbox(a));
      for (Address a : email.cc()) form.addFormDataPart("cc", AddressText.mailbox(a));
      for (Address a : email.bcc()) form.addFormDataPart("bcc", AddressText.mailbox(a));
    } else {
      Map<String, Object> variables = new LinkedHashMap<>();
      for (BulkRecipient r : chunk) {
        form.addFormDataPart("to", AddressText.mailbox(r.to()));
        Map<String, Object> vars = new LinkedHashMap<>(email.templateData());
        vars.putAll(r.templateData());
        vars.putAll(r.customArgs());
        variables.put(r.to().email(), vars);
      }
      // With recipient-variables, Mailgun sends each "to" a separate message.
      form.addFormDataPart("recipient-variables", toJson(variables));
    }
    if (!email.replyToList().isEmpty()) {
      form.addFormDataPart("h:Reply-To", AddressText.list(email.replyToList()));
    }
    email.subject().ifPresent(s -> form.addFormDataPart("subject", s));
    email.text().ifPresent(t -> form.addFormDataPart("text", t));
    email.html().ifPresent(h -> form.addFormDataPart("html", h));
    for (ContentPart c : email.contents()) form.addFormDataPart("amp-html", c.value());
    email.templateId().ifPresent(t -> form.addFormDataPart("template", t));
    if (!email.templateData().isEmpty() && chunk == null) {
      form.addFormDataPart("t:variables", toJson(email.templateData()));
    }
    for (String category : email.categories()) form.addFormDataPart("o:tag", category);
    email.customArgs().forEach((k, v) -> form.addFormDataPart("v:" + k, v));
    email.headers().forEach((k, v) -> form.addFormDataPart("h:" + k, v));
    email.sendAt().ifPresent(at -> form.addFormDataPart("o:deliverytime",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))));
    email.trackingSettings().flatMap(TrackingSettings::clickTracking).ifPresent(c ->
        form.addFormDataPart("o:tracking-clicks",
            !c.enable() ? "no" : c.enableText() ? "yes" : "htmlonly"));
    email.trackingSettings().flatMap(TrackingSettings::openTracking).ifPresent(o ->
        form.addFormDataPart("o:tracking-opens", o.enable() ? "yes" : "no"));
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
