package io.herokusdk.mail.internal;

import io.herokusdk.mail.Address;
import io.herokusdk.mail.Attachment;
import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.InvalidEmailException;
import io.herokusdk.mail.Asm;
import io.herokusdk.mail.ContentPart;
import io.herokusdk.mail.MailSettings;
import java.net.IDN;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** SendGrid's v3 mail/send limits, checked before any request. Not API. */
public final class EmailRules {
  /** At most this many to + cc + bcc per request (and personalizations per request). */
  public static final int MAX_RECIPIENTS_PER_REQUEST = 1000;
  /**
   * SendGrid's "30 MB": the whole request body (JSON, attachments base64-encoded) must be under
   * this many bytes, decimal.
   */
  public static final long MAX_BODY_BYTES = 30_000_000L;
  /** SendGrid schedules at most this far ahead. */
  public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofHours(72);
  /** A send time at most this far in the past is taken as "now" (clock skew, queueing). */
  public static final Duration PAST_SEND_AT_TOLERANCE = Duration.ofMinutes(5);
  /** SendGrid's limits on {@code asm.groups_to_display} and {@code ip_pool_name}. */
  private static final int MAX_GROUPS_TO_DISPLAY = 25;
  /** At most this many categories. */
  public static final int MAX_CATEGORIES = 10;
  /** custom_args must be under this many bytes as JSON. */
  public static final int MAX_CUSTOM_ARGS_BYTES = 10_000;

  private static final Set<String> RESERVED_HEADERS = Set.of(
      "x-sg-id", "x-sg-eid", "received", "dkim-signature", "content-type",
      "content-transfer-encoding", "to", "from", "subject", "reply-to", "cc", "bcc");

  private EmailRules() {}

  /** Returns {@code from}, the sender an email cannot be built without. */
  public static Address requireFrom(@Nullable Address from) {
    if (from == null) {
      throw new InvalidEmailException("from",
          "a sender is required; call from(\"you@example.com\")");
    }
    return from;
  }

  /**
   * Checks everything about {@code email} except that it has recipients; {@code clock} is
   * "now" for {@code sendAt}.
   */
  public static void validate(Email email, Clock clock) {
    checkAddress("from", email.from());
    checkReplyTo(email.replyToList());
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
    if (email.text().isEmpty() && email.html().isEmpty() && email.contents().isEmpty()
        && !hasTemplate) {
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
    if (new HashSet<>(email.categories()).size() != email.categories().size()) {
      throw new InvalidEmailException("categories", "each category may appear only once");
    }
    checkCustomArgs("customArgs", email.customArgs());
    checkHeaders("headers", email.headers());
    checkContents(email);
    email.sendAt().ifPresent(at -> checkSendAt("sendAt", at, clock));
    checkSendGridExtras(email);

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
      if (a.size() == 0) {
        throw new InvalidEmailException(field + ".content", "'" + a.filename() + "' is empty; "
            + "SendGrid requires every attachment to have content");
      }
    }
    checkBodySize(email.attachments().isEmpty() ? "html" : "attachments",
        SendGridBody.size(email, true));
  }

  /**
   * Checks one request body's size against SendGrid's limit.
   *
   * @throws InvalidEmailException naming {@code field} if it is too large
   */
  public static void checkBodySize(String field, long bodyBytes) {
    if (bodyBytes >= MAX_BODY_BYTES) {
      throw new InvalidEmailException(field, "SendGrid's request body must be under 30 MB, "
          + "counted as SendGrid does: 30,000,000 bytes (decimal) of the whole JSON request, "
          + "attachments base64-encoded (4/3 of their size); this one is " + bodyBytes
          + " bytes. Link to large files instead of attaching them.");
    }
  }

  /** Checks that {@code email} has at least one {@code to} recipient, as a single send needs. */
  public static void requireRecipients(Email email) {
    if (email.to().isEmpty()) {
      throw new InvalidEmailException("to", "at least one to recipient is required");
    }
  }

  /**
   * Checks a bulk send: content without recipients, distinct valid recipients with valid
   * personal fields; {@code clock} is "now" for their {@code sendAt}.
   */
  public static void validateBulk(Email content, List<BulkRecipient> recipients, Clock clock) {
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
      if (r.subject() != null) {
        if (r.subject().isBlank()) {
          throw new InvalidEmailException(field + ".subject", "must not be blank; leave it unset");
        }
        checkNoLineBreak(field + ".subject", r.subject());
      }
      checkHeaders(field + ".headers", r.headers());
      if (r.sendAt() != null) checkSendAt(field + ".sendAt", r.sendAt(), clock);
    }
  }

  private static void checkAddresses(String field, List<Address> addresses) {
    for (int i = 0; i < addresses.size(); i++) {
      checkAddress(field + "[" + i + "]", addresses.get(i));
    }
  }

  /** Checks an address's syntax and display name. */
  public static void checkAddress(String field, Address address) {
    String problem = addressProblem(address.email());
    if (problem != null) {
      throw new InvalidEmailException(field + ".email",
          "'" + address.email() + "' is not a valid email address: " + problem);
    }
    if (address.name() != null) {
      String name = address.name();
      if (name.indexOf(';') >= 0 || name.indexOf(',') >= 0) {
        throw new InvalidEmailException(field + ".name",
            "display names may not contain ';' or ',' (SendGrid rejects them): '" + name + "'");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (isLineBreakOrControl(c)) {
          throw new InvalidEmailException(field + ".name", String.format(Locale.ROOT,
              "display names may not contain line breaks or control characters (U+%04X at "
                  + "index %d)", (int) c, i));
        }
      }
    }
  }

  /**
   * Returns what is wrong with {@code email} as an RFC 5321 address SendGrid accepts, or null:
   * a dot-atom local part of at most 64 ASCII characters, and a domain of LDH labels (an
   * internationalized domain is checked in its IDNA ASCII form).
   */
  static @Nullable String addressProblem(String email) {
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)
          || isLineBreakOrControl(c) || Character.getType(c) == Character.FORMAT) {
        return String.format(Locale.ROOT, "contains a space, line break or control character "
            + "(U+%04X at index %d)", (int) c, i);
      }
    }
    if (email.length() > 254) return "longer than 254 characters";
    int at = email.lastIndexOf('@');
    if (at < 0) return "no '@'";
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (local.isEmpty()) return "nothing before '@'";
    if (local.length() > 64) return "more than 64 characters before '@'";
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c >= 0x80) {
        return "non-ASCII characters before '@' (RFC 5321 mailboxes are ASCII; SendGrid "
            + "rejects them)";
      }
      if (c != '.' && !isAtext(c)) {
        return "'" + c + "' is not allowed before '@' (quoted local parts are not supported)";
      }
    }
    if (local.startsWith(".") || local.endsWith(".")) {
      return "the part before '@' starts or ends with '.'";
    }
    if (local.contains("..")) return "two dots in a row before '@'";
    if (domain.isEmpty()) return "nothing after '@'";
    if (domain.startsWith("[")) return "IP address literals are not supported as domains";
    if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
      return "the domain has an empty label (a leading, trailing or doubled '.')";
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain);
    } catch (IllegalArgumentException e) {
      return "the domain is not a valid internationalized domain name";
    }
    if (ascii.length() > 253) return "the domain is longer than 253 characters";
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) return "the domain needs a dot, like example.com";
    for (String label : labels) {
      if (label.isEmpty()) return "the domain has an empty label";
      if (label.length() > 63) return "a domain label is longer than 63 characters";
      if (label.startsWith("-") || label.endsWith("-")) {
        return "the domain label '" + label + "' starts or ends with '-'";
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z'))) {
          return "'" + c + "' is not allowed in a domain";
        }
      }
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      return "the top-level domain is all digits";
    }
    return null;
  }

  /** RFC 5322 atext: letters, digits and {@code !#$%&'*+-/=?^_`{|}~}. */
  private static boolean isAtext(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  private static boolean isLineBreakOrControl(char c) {
    return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
  }

  private static void checkReplyTo(List<Address> replyTo) {
    if (replyTo.size() > MAX_RECIPIENTS_PER_REQUEST) {
      throw new InvalidEmailException("replyToList", "at most " + MAX_RECIPIENTS_PER_REQUEST
          + " reply-to addresses, got " + replyTo.size());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < replyTo.size(); i++) {
      String field = replyTo.size() == 1 ? "replyTo" : "replyToList[" + i + "]";
      checkAddress(field, replyTo.get(i));
      Integer earlier = seen.putIfAbsent(replyTo.get(i).email().toLowerCase(Locale.ROOT), i);
      if (earlier != null) {
        throw new InvalidEmailException(field, replyTo.get(i).email() + " is also replyToList["
            + earlier + "]; each reply-to address may appear only once");
      }
    }
  }

  private static void checkHeaders(String prefix, Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      String field = prefix + "." + name;
      if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        throw new InvalidEmailException(field, "a header name is printable ASCII without ':'");
      }
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidEmailException(field, "is set by the provider; use the Email builder's "
            + "own methods for sender, recipients and subject");
      }
      checkNoLineBreak(field, header.getValue());
    }
  }

  private static void checkContents(Email email) {
    Set<String> types = new HashSet<>();
    for (int i = 0; i < email.contents().size(); i++) {
      ContentPart c = email.contents().get(i);
      String field = "contents[" + i + "]";
      String type = c.baseType();
      if (!type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
        throw new InvalidEmailException(field + ".type", "'" + c.type() + "' is not a MIME "
            + "type like text/calendar");
      }
      checkNoLineBreak(field + ".type", c.type());
      if (type.equals("text/plain") || type.equals("text/html")) {
        throw new InvalidEmailException(field + ".type", "set " + type + " with "
            + (type.equals("text/plain") ? "text(...)" : "html(...)") + " instead");
      }
      if (!types.add(type)) {
        throw new InvalidEmailException(field + ".type", type + " appears twice; one body per "
            + "type");
      }
      if (c.value().isEmpty()) {
        throw new InvalidEmailException(field + ".value", "must not be empty");
      }
    }
    if (types.contains(ContentPart.AMP) && email.text().isEmpty() && email.html().isEmpty()) {
      throw new InvalidEmailException("contents", "an AMP body needs a text or HTML body for "
          + "mail clients without AMP");
    }
  }

  private static void checkSendAt(String field, Instant sendAt, Clock clock) {
    Instant now = clock.instant();
    if (sendAt.isBefore(now.minus(PAST_SEND_AT_TOLERANCE))) {
      throw new InvalidEmailException(field, sendAt + " is more than "
          + PAST_SEND_AT_TOLERANCE.toMinutes() + " minutes in the past (now is " + now
          + "); leave sendAt unset to send now");
    }
    if (sendAt.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
      throw new InvalidEmailException(field, sendAt + " is more than 72 hours ahead (now is "
          + now + "); SendGrid schedules at most 72 hours ahead");
    }
  }

  private static void checkSendGridExtras(Email email) {
    if (email.asm().isPresent()) {
      Asm asm = email.asm().get();
      if (asm.groupId() < 1) {
        throw new InvalidEmailException("asm.groupId", "must be a SendGrid unsubscribe group "
            + "id (above 0), got " + asm.groupId());
      }
      if (asm.groupsToDisplay().size() > MAX_GROUPS_TO_DISPLAY) {
        throw new InvalidEmailException("asm.groupsToDisplay", "at most "
            + MAX_GROUPS_TO_DISPLAY + " groups, got " + asm.groupsToDisplay().size());
      }
      if (new HashSet<>(asm.groupsToDisplay()).size() != asm.groupsToDisplay().size()
          || asm.groupsToDisplay().stream().anyMatch(g -> g < 1)) {
        throw new InvalidEmailException("asm.groupsToDisplay", "group ids must be distinct "
            + "and above 0");
      }
    }
    if (email.batchId().isPresent()) {
      String id = email.batchId().get();
      if (id.isBlank() || !id.chars().allMatch(c -> c > 32 && c < 127)) {
        throw new InvalidEmailException("batchId", "must be a batch id from POST "
            + "/v3/mail/batch (printable ASCII, no spaces)");
      }
    }
    if (email.ipPoolName().isPresent()) {
      String pool = email.ipPoolName().get();
      if (pool.length() < 2 || pool.length() > 64) {
        throw new InvalidEmailException("ipPoolName", "must be 2 to 64 characters, got "
            + pool.length());
      }
    }
    if (email.mailSettings().isPresent()) {
      MailSettings m = email.mailSettings().get();
      boolean list = m.bypassListManagement().orElse(false);
      boolean other = m.bypassSpamManagement().orElse(false)
          || m.bypassBounceManagement().orElse(false)
          || m.bypassUnsubscribeManagement().orElse(false);
      if (list && other) {
        throw new InvalidEmailException("mailSettings.bypassListManagement", "SendGrid does "
            + "not combine it with the spam, bounce or unsubscribe bypasses; it already "
            + "bypasses them all");
      }
      m.footer().ifPresent(f -> {
        if (f.enable() && f.text() == null && f.html() == null) {
          throw new InvalidEmailException("mailSettings.footer", "an enabled footer needs a "
              + "text or HTML version");
        }
      });
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

  private static void checkTemplateData(String field,
      Map<String, ? extends @Nullable Object> data) {
    for (Map.Entry<String, ? extends @Nullable Object> e : data.entrySet()) {
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
