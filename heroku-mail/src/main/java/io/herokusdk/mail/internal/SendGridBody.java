package io.herokusdk.mail.internal;

import com.squareup.moshi.JsonWriter;
import io.herokusdk.mail.Address;
import io.herokusdk.mail.Attachment;
import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.Email;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** Writes the JSON body of SendGrid's {@code POST /v3/mail/send}. Not API. */
public final class SendGridBody {
  private SendGridBody() {}

  /** The body for one email: one personalization with its to, cc and bcc. */
  public static String single(Email email, boolean sandbox) {
    return write(email, null, sandbox);
  }

  /** The body for one bulk chunk: one personalization per recipient. */
  public static String bulk(Email content, List<BulkRecipient> chunk, boolean sandbox) {
    return write(content, chunk, sandbox);
  }

  private static String write(Email email, List<BulkRecipient> recipients, boolean sandbox) {
    Buffer buffer = new Buffer();
    try (JsonWriter out = JsonWriter.of(buffer)) {
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
          if (!email.templateData().isEmpty() || !r.templateData().isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>(email.templateData());
            data.putAll(r.templateData());
            out.name("dynamic_template_data");
            Json.writeValue(out, data);
          }
          customArgs(out, email.customArgs(), r.customArgs());
          out.endObject();
        }
      }
      out.endArray();

      out.name("from");
      address(out, email.from());
      if (email.replyTo().isPresent()) {
        out.name("reply_to");
        address(out, email.replyTo().get());
      }
      if (email.subject().isPresent()) out.name("subject").value(email.subject().get());
      if (email.text().isPresent() || email.html().isPresent()) {
        out.name("content").beginArray();
        // SendGrid requires text/plain to come first.
        if (email.text().isPresent()) content(out, "text/plain", email.text().get());
        if (email.html().isPresent()) content(out, "text/html", email.html().get());
        out.endArray();
      }
      if (!email.attachments().isEmpty()) {
        out.name("attachments").beginArray();
        for (Attachment a : email.attachments()) {
          out.beginObject();
          out.name("content").value(Base64.getEncoder().encodeToString(a.content()));
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
      if (sandbox) {
        out.name("mail_settings").beginObject();
        out.name("sandbox_mode").beginObject().name("enable").value(true).endObject();
        out.endObject();
      }
      out.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
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

  private static void content(JsonWriter out, String type, String value) throws IOException {
    out.beginObject().name("type").value(type).name("value").value(value).endObject();
  }
}
