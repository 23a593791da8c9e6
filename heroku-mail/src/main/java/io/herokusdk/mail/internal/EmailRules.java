package io.herokusdk.mail.internal;

import io.herokusdk.mail.Address;
import io.herokusdk.mail.Attachment;
import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.InvalidEmailException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** SendGrid's v3 mail/send limits, checked before any request. Not API. */
public final class EmailRules {
  /** At most this many to + cc + bcc per request (and personalizations per request). */
  public static final int MAX_RECIPIENTS_PER_REQUEST = 1000;
  /** The whole message must be under this many bytes. */
  public static final long MAX_MESSAGE_BYTES = 30L * 1024 * 1024;
  /** At most this many categories. */
  public static final int MAX_CATEGORIES = 10;
  /** custom_args must be under this many bytes as JSON. */
  public static final int MAX_CUSTOM_ARGS_BYTES = 10_000;

  private static final Set<String> RESERVED_HEADERS = Set.of(
      "x-sg-id", "x-sg-eid", "received", "dkim-signature", "content-type",
      "content-transfer-encoding", "to", "from", "subject", "reply-to", "cc", "bcc");

  private EmailRules() {}

  /** Checks everything about {@code email} except that it has recipients. */
  public static void validate(Email email) {
    if (email.from() == null) {
      throw new InvalidEmailException("from", "a sender is required; call from(\"you@example.com\")");
    }
    checkAddress("from", email.from());
    email.replyTo().ifPresent(a -> checkAddress("replyTo", a));
    checkAddresses("to", email.to());
    checkAddresses("cc", email.cc());
    checkAddresses("bcc", email.bcc());
    if (email.recipientCount() > MAX_RECIPIENTS_PER_REQUEST) {
      throw new InvalidEmailException("to", "at most " + MAX_RECIPIENTS_PER_REQUEST
          + " recipients (to + cc + bcc) per email, got " + email.recipientCount()
          + "; use Mailer.sendBulk to reach more people");
    }
    checkUnique(email);

    boolean hasTemplate = email.templateId().isPresent();
    if (hasTemplate && email.templateId().get().isBlank()) {
      throw new InvalidEmailException("templateId", "must not be blank");
    }
    if (email.text().isEmpty() && email.html().isEmpty() && !hasTemplate) {
      throw new InvalidEmailException("text", "an email needs a text or HTML body, or a templateId");
    }
    if (email.text().isPresent() && email.text().get().isEmpty()) {
      throw new InvalidEmailException("text", "must not be empty; leave it unset instead");
    }
    if (email.html().isPresent() && email.html().get().isEmpty()) {
      throw new InvalidEmailException("html", "must not be empty; leave it unset instead");
    }
    if (!hasTemplate && email.subject().map(String::isBlank).orElse(true)) {
      throw new InvalidEmailException("subject", "a subject is required unless a template supplies it");
    }
    email.subject().ifPresent(s -> checkNoLineBreak("subject", s));
    checkTemplateData("templateData", email.templateData());

    if (email.categories().size() > MAX_CATEGORIES) {
      throw new InvalidEmailException("categories", "at most " + MAX_CATEGORIES
          + " categories, got " + email.categories().size());
    }
    for (int i = 0; i < email.categories().size(); i++) {
      String category = email.categories().get(i);
      if (category.isBlank() || category.length() > 255) {
        throw new InvalidEmailException("categories[" + i + "]", "must be 1 to 255 characters");
      }
    }
    checkCustomArgs("customArgs", email.customArgs());

    for (Map.Entry<String, String> header : email.headers().entrySet()) {
      String name = header.getKey();
      String field = "headers." + name;
      if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        throw new InvalidEmailException(field, "a header name is printable ASCII without ':'");
      }
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidEmailException(field, "is set by the provider; use the Email builder's "
            + "own methods for sender, recipients and subject");
      }
      checkNoLineBreak(field, header.getValue());
    }

    for (int i = 0; i < email.attachments().size(); i++) {
      Attachment a = email.attachments().get(i);
      String field = "attachments[" + i + "]";
      if (a.filename().isBlank()) {
        throw new InvalidEmailException(field + ".filename", "must not be blank");
      }
      checkNoLineBreak(field + ".filename", a.filename());
      checkNoLineBreak(field + ".contentType", a.contentType());
      if (a.disposition() == Attachment.Disposition.INLINE && a.contentId().get().isBlank()) {
        throw new InvalidEmailException(field + ".contentId", "an inline attachment needs one");
      }
    }
    long size = estimatedSize(email);
    if (size >= MAX_MESSAGE_BYTES) {
      throw new InvalidEmailException(email.attachments().isEmpty() ? "html" : "attachments",
          "the message must be under 30 MB in all (attachments count base64-encoded, 4/3 of "
              + "their size); this one is about " + (size / (1024 * 1024)) + " MB");
    }
  }

  /** Checks that {@code email} has at least one {@code to} recipient, as a single send needs. */
  public static void requireRecipients(Email email) {
    if (email.to().isEmpty()) {
      throw new InvalidEmailException("to", "at least one to recipient is required");
    }
  }

  /** Checks a bulk send: content without recipients, distinct valid recipients. */
  public static void validateBulk(Email content, List<BulkRecipient> recipients) {
    if (content.recipientCount() > 0) {
      throw new InvalidEmailException("to", "a bulk send's content must have no to, cc or bcc; "
          + "pass every recipient in the recipients list");
    }
    if (recipients.isEmpty()) {
      throw new InvalidEmailException("recipients", "at least one recipient is required");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < recipients.size(); i++) {
      BulkRecipient r = recipients.get(i);
      String field = "recipients[" + i + "]";
      checkAddress(field + ".to", r.to());
      Integer earlier = seen.putIfAbsent(r.to().email().toLowerCase(Locale.ROOT), i);
      if (earlier != null) {
        throw new InvalidEmailException(field + ".to", r.to().email()
            + " is also recipients[" + earlier + "]; each address may appear only once");
      }
      checkTemplateData(field + ".templateData", r.templateData());
      if (!r.customArgs().isEmpty()) {
        Map<String, String> merged = new HashMap<>(content.customArgs());
        merged.putAll(r.customArgs());
        checkCustomArgs(field + ".customArgs", merged);
      }
    }
  }

  /** Returns roughly how many bytes the message takes, attachments counted base64-encoded. */
  public static long estimatedSize(Email email) {
    long size = utf8Length(email.subject().orElse(""))
        + utf8Length(email.text().orElse(""))
        + utf8Length(email.html().orElse(""));
    for (Attachment a : email.attachments()) {
      size += 4L * ((a.size() + 2) / 3) + a.filename().length() + 64;
    }
    return size;
  }

  private static long utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void checkAddresses(String field, List<Address> addresses) {
    for (int i = 0; i < addresses.size(); i++) {
      checkAddress(field + "[" + i + "]", addresses.get(i));
    }
  }

  /** Checks an address's syntax and display name. */
  public static void checkAddress(String field, Address address) {
    String email = address.email();
    int at = email.lastIndexOf('@');
    boolean valid = at > 0 && at < email.length() - 1 && email.length() <= 254
        && email.indexOf('.', at) > at + 1 && !email.endsWith(".");
    for (int i = 0; valid && i < email.length(); i++) {
      char c = email.charAt(i);
      valid = c > 32 && c != 127 && c != '<' && c != '>' && c != ',' && c != ';'
          && c != '"' && !(c == '@' && i != at);
    }
    if (!valid) {
      throw new InvalidEmailException(field + ".email",
          "'" + email + "' is not an email address like name@example.com");
    }
    if (address.name() != null) {
      String name = address.name();
      if (name.indexOf(';') >= 0 || name.indexOf(',') >= 0) {
        throw new InvalidEmailException(field + ".name",
            "display names may not contain ';' or ',' (SendGrid rejects them): '" + name + "'");
      }
      checkNoLineBreak(field + ".name", name);
    }
  }

  private static void checkUnique(Email email) {
    Map<String, String> seen = new HashMap<>();
    String[] kinds = {"to", "cc", "bcc"};
    List<List<Address>> lists = List.of(email.to(), email.cc(), email.bcc());
    for (int k = 0; k < kinds.length; k++) {
      List<Address> list = lists.get(k);
      for (int i = 0; i < list.size(); i++) {
        String field = kinds[k] + "[" + i + "]";
        String earlier = seen.putIfAbsent(list.get(i).email().toLowerCase(Locale.ROOT), field);
        if (earlier != null) {
          throw new InvalidEmailException(field, list.get(i).email() + " is also " + earlier
              + "; each address may appear only once in to, cc and bcc together");
        }
      }
    }
  }

  private static void checkCustomArgs(String field, Map<String, String> customArgs) {
    if (customArgs.isEmpty()) return;
    int bytes = Json.customArgsSize(customArgs);
    if (bytes >= MAX_CUSTOM_ARGS_BYTES) {
      throw new InvalidEmailException(field, "custom args must be under "
          + MAX_CUSTOM_ARGS_BYTES + " bytes as JSON, got " + bytes);
    }
  }

  private static void checkTemplateData(String field, Map<String, Object> data) {
    for (Map.Entry<String, Object> e : data.entrySet()) {
      String problem = Json.unsupportedValue(e.getValue());
      if (problem != null) {
        throw new InvalidEmailException(field + "." + e.getKey(), problem);
      }
    }
  }

  private static void checkNoLineBreak(String field, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new InvalidEmailException(field, "must not contain line breaks");
    }
  }
}
