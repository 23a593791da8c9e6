package io.herokusdk.mail.internal;

import com.squareup.moshi.JsonWriter;
import io.herokusdk.mail.Address;
import io.herokusdk.mail.Asm;
import io.herokusdk.mail.Attachment;
import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.ContentPart;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.MailSettings;
import io.herokusdk.mail.TrackingSettings;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;
import okio.Sink;
import org.jspecify.annotations.Nullable;

/** Writes the JSON body of SendGrid's {@code POST /v3/mail/send}. Not API. */
public final class SendGridBody {
  private SendGridBody() {}

  /** The body for one email: one personalization with its to, cc and bcc. */
  public static String single(Email email, boolean sandbox) {
    Buffer buffer = new Buffer();
    write(email, null, sandbox, buffer);
    return buffer.readUtf8();
  }

  /** The body for one bulk chunk: one personalization per recipient. */
  public static String bulk(Email content, List<BulkRecipient> chunk, boolean sandbox) {
    Buffer buffer = new Buffer();
    write(content, chunk, sandbox, buffer);
    return buffer.readUtf8();
  }

  /** The exact size in bytes of {@link #single(Email, boolean)}, without holding the body. */
  public static long size(Email email, boolean sandbox) {
    long[] count = {0};
    Sink counting = new ForwardingSink(Okio.blackhole()) {
      @Override
      public void write(Buffer source, long byteCount) throws IOException {
        count[0] += byteCount;
        super.write(source, byteCount);
      }
    };
    try (BufferedSink sink = Okio.buffer(counting)) {
      write(email, null, sandbox, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }

  /** Whether the body says sandbox mode: the mailer's setting or the email's own. */
  public static boolean sandbox(Email email, boolean mailerSandbox) {
    return mailerSandbox
        || email.mailSettings().flatMap(MailSettings::sandboxMode).orElse(false);
  }

  private static void write(Email email, @Nullable List<BulkRecipient> recipients, boolean sandbox,
      BufferedSink sink) {
    try (JsonWriter out = JsonWriter.of(sink)) {
      out.beginObject();
      out.name("personalizations").beginArray();
      if (recipients == null) {
        out.beginObject();
        addresses(out, "to", email.to());
        addresses(out, "cc", email.cc());
        addresses(out, "bcc", email.bcc());
        if (!email.templateData().isEmpty()) {
          out.name("dynamic_template_data");
          Json.writeValue(out, email.templateData());
        }
        customArgs(out, email.customArgs(), Map.of());
        out.endObject();
      } else {
        for (BulkRecipient r : recipients) {
          out.beginObject();
          addresses(out, "to", List.of(r.to()));
          if (r.subject() != null) out.name("subject").value(r.subject());
          if (!r.headers().isEmpty()) {
            out.name("headers");
            Json.writeValue(out, r.headers());
          }
          if (!email.templateData().isEmpty() || !r.templateData().isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>(email.templateData());
            data.putAll(r.templateData());
            out.name("dynamic_template_data");
            Json.writeValue(out, data);
          }
          customArgs(out, email.customArgs(), r.customArgs());
          if (r.sendAt() != null) out.name("send_at").value(r.sendAt().getEpochSecond());
          out.endObject();
        }
      }
      out.endArray();

      out.name("from");
      address(out, email.from());
      if (email.replyToList().size() == 1) {
        out.name("reply_to");
        address(out, email.replyToList().get(0));
      } else if (email.replyToList().size() > 1) {
        addresses(out, "reply_to_list", email.replyToList());
      }
      if (email.subject().isPresent()) out.name("subject").value(email.subject().get());
      List<ContentPart> contents = contents(email);
      if (!contents.isEmpty()) {
        out.name("content").beginArray();
        for (ContentPart c : contents) {
          out.beginObject().name("type").value(c.type()).name("value").value(c.value()).endObject();
        }
        out.endArray();
      }
      if (!email.attachments().isEmpty()) {
        out.name("attachments").beginArray();
        for (Attachment a : email.attachments()) {
          out.beginObject();
          out.name("content");
          base64(out, a.content());
          out.name("type").value(a.contentType());
          out.name("filename").value(a.filename());
          boolean inline = a.disposition() == Attachment.Disposition.INLINE;
          out.name("disposition").value(inline ? "inline" : "attachment");
          if (inline) out.name("content_id").value(a.contentId().orElseThrow());
          out.endObject();
        }
        out.endArray();
      }
      if (email.templateId().isPresent()) out.name("template_id").value(email.templateId().get());
      if (!email.headers().isEmpty()) {
        out.name("headers");
        Json.writeValue(out, email.headers());
      }
      if (!email.categories().isEmpty()) {
        out.name("categories");
        Json.writeValue(out, email.categories());
      }
      if (email.sendAt().isPresent()) out.name("send_at").value(email.sendAt().get().getEpochSecond());
      if (email.batchId().isPresent()) out.name("batch_id").value(email.batchId().get());
      if (email.asm().isPresent()) asm(out, email.asm().get());
      if (email.ipPoolName().isPresent()) out.name("ip_pool_name").value(email.ipPoolName().get());
      mailSettings(out, email.mailSettings().orElse(null), sandbox);
      if (email.trackingSettings().isPresent()) tracking(out, email.trackingSettings().get());
      out.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The content array in SendGrid's order: text/plain, then AMP, then text/html, then the
   * other types as added.
   */
  public static List<ContentPart> contents(Email email) {
    List<ContentPart> result = new ArrayList<>();
    email.text().ifPresent(t -> result.add(new ContentPart("text/plain", t)));
    for (ContentPart c : email.contents()) {
      if (c.baseType().equals(ContentPart.AMP)) result.add(c);
    }
    email.html().ifPresent(h -> result.add(new ContentPart("text/html", h)));
    for (ContentPart c : email.contents()) {
      if (!c.baseType().equals(ContentPart.AMP)) result.add(c);
    }
    return result;
  }

  /** Streams the bytes base64-encoded as one JSON string, without a String of them. */
  private static void base64(JsonWriter out, byte[] bytes) throws IOException {
    try (BufferedSink value = out.valueSink()) {
      value.writeUtf8("\"");
      OutputStream raw = value.outputStream();
      // Closing the encoder writes its padding; it must not close the value sink with it.
      OutputStream keepOpen = new FilterOutputStream(raw) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          raw.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          raw.flush();
        }
      };
      try (OutputStream encoder = Base64.getEncoder().wrap(keepOpen)) {
        encoder.write(bytes);
      }
      value.writeUtf8("\"");
    }
  }

  private static void asm(JsonWriter out, Asm asm) throws IOException {
    out.name("asm").beginObject().name("group_id").value(asm.groupId());
    if (!asm.groupsToDisplay().isEmpty()) {
      out.name("groups_to_display");
      Json.writeValue(out, asm.groupsToDisplay());
    }
    out.endObject();
  }

  private static void mailSettings(JsonWriter out, @Nullable MailSettings settings, boolean sandbox)
      throws IOException {
    Boolean sandboxMode = sandbox ? Boolean.TRUE
        : settings == null ? null : settings.sandboxMode().orElse(null);
    if (settings == null && sandboxMode == null) return;
    out.name("mail_settings").beginObject();
    if (settings != null) {
      enable(out, "bypass_list_management", settings.bypassListManagement().orElse(null));
      enable(out, "bypass_spam_management", settings.bypassSpamManagement().orElse(null));
      enable(out, "bypass_bounce_management", settings.bypassBounceManagement().orElse(null));
      enable(out, "bypass_unsubscribe_management",
          settings.bypassUnsubscribeManagement().orElse(null));
      if (settings.footer().isPresent()) {
        MailSettings.Footer f = settings.footer().get();
        out.name("footer").beginObject().name("enable").value(f.enable());
        optional(out, "text", f.text());
        optional(out, "html", f.html());
        out.endObject();
      }
    }
    enable(out, "sandbox_mode", sandboxMode);
    out.endObject();
  }

  private static void tracking(JsonWriter out, TrackingSettings t) throws IOException {
    out.name("tracking_settings").beginObject();
    if (t.clickTracking().isPresent()) {
      TrackingSettings.ClickTracking c = t.clickTracking().get();
      out.name("click_tracking").beginObject().name("enable").value(c.enable())
          .name("enable_text").value(c.enableText()).endObject();
    }
    if (t.openTracking().isPresent()) {
      TrackingSettings.OpenTracking o = t.openTracking().get();
      out.name("open_tracking").beginObject().name("enable").value(o.enable());
      optional(out, "substitution_tag", o.substitutionTag());
      out.endObject();
    }
    if (t.subscriptionTracking().isPresent()) {
      TrackingSettings.SubscriptionTracking s = t.subscriptionTracking().get();
      out.name("subscription_tracking").beginObject().name("enable").value(s.enable());
      optional(out, "text", s.text());
      optional(out, "html", s.html());
      optional(out, "substitution_tag", s.substitutionTag());
      out.endObject();
    }
    if (t.googleAnalytics().isPresent()) {
      TrackingSettings.GoogleAnalytics g = t.googleAnalytics().get();
      out.name("ganalytics").beginObject().name("enable").value(g.enable());
      optional(out, "utm_source", g.utmSource());
      optional(out, "utm_medium", g.utmMedium());
      optional(out, "utm_term", g.utmTerm());
      optional(out, "utm_content", g.utmContent());
      optional(out, "utm_campaign", g.utmCampaign());
      out.endObject();
    }
    out.endObject();
  }

  private static void enable(JsonWriter out, String name,
      @Nullable Boolean enable) throws IOException {
    if (enable != null) out.name(name).beginObject().name("enable").value(enable).endObject();
  }

  private static void optional(JsonWriter out, String name, String value) throws IOException {
    if (value != null) out.name(name).value(value);
  }

  /**
   * Writes custom args into the personalization, not the message: SendGrid's OpenAPI file types
   * the message-level {@code custom_args} as a string, and personalization-level args override
   * message-level ones anyway, so this has the same effect and validates against both.
   */
  private static void customArgs(JsonWriter out, Map<String, String> shared,
      Map<String, String> personal) throws IOException {
    if (shared.isEmpty() && personal.isEmpty()) return;
    Map<String, String> merged = new LinkedHashMap<>(shared);
    merged.putAll(personal);
    out.name("custom_args");
    Json.writeValue(out, merged);
  }

  private static void addresses(JsonWriter out, String name, List<Address> list)
      throws IOException {
    if (list.isEmpty()) return;
    out.name(name).beginArray();
    for (Address a : list) address(out, a);
    out.endArray();
  }

  private static void address(JsonWriter out, Address a) throws IOException {
    out.beginObject();
    out.name("email").value(a.email());
    if (a.name() != null) out.name("name").value(a.name());
    out.endObject();
  }
}
