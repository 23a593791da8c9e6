package io.herokusdk.testing.sendgrid;

import io.herokusdk.testing.internal.FakeHttpServer;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules SendGrid's {@code POST /v3/mail/send} applies to a request body, as documented: 1 to
 * 1000 personalizations each with a {@code to}, a {@code from}, at most 1000 recipients (to + cc
 * + bcc) and each address once per request, content or a {@code template_id}, a subject unless a
 * template supplies it, at most 10 categories, {@code custom_args} under 10,000 bytes, no
 * {@code ;} or {@code ,} in names, addresses of RFC 5321 syntax, {@code reply_to} or
 * {@code reply_to_list} (not both, each address once), content in SendGrid's order
 * (text/plain, text/x-amp-html, text/html, others), attachments with content, {@code send_at}
 * at most 72 hours ahead, an {@code asm.group_id}, {@code ip_pool_name} of 2–64 characters,
 * {@code bypass_list_management} alone, and a body under 30 MB (30,000,000 bytes).
 */
final class MailSendRules {
  /** SendGrid's 30 MB, decimal, of the whole request body. */
  static final long MAX_BYTES = 30_000_000L;
  private static final long MAX_SCHEDULE_SECONDS = 72 * 3600;
  private static final Pattern ADDRESS = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*");

  private MailSendRules() {}

  /**
   * Returns the broken rules as SendGrid-style errors (field, message); empty if valid.
   * {@code now} is the fake's clock, for {@code send_at}.
   */
  static List<FakeSendGrid.Error> check(@Nullable Object parsed, long bodyBytes, Instant now) {
    List<FakeSendGrid.Error> errors = new ArrayList<>();
    if (!(parsed instanceof Map<?, ?> body)) {
      errors.add(new FakeSendGrid.Error(null, "Bad Request: the body must be a JSON object"));
      return errors;
    }
    if (bodyBytes >= MAX_BYTES) {
      errors.add(new FakeSendGrid.Error(null, "The JSON payload you have included in your "
          + "request is too large. Please limit your request to 30MB."));
    }
    checkFrom(body.get("from"), "from", true, errors);
    if (body.get("reply_to") != null) checkFrom(body.get("reply_to"), "reply_to", true, errors);
    if (body.get("reply_to_list") != null) {
      if (body.get("reply_to") != null) {
        errors.add(new FakeSendGrid.Error("reply_to_list",
            "You may use either reply_to or reply_to_list, but not both."));
      }
      if (!(body.get("reply_to_list") instanceof List<?> list) || list.isEmpty()) {
        errors.add(new FakeSendGrid.Error("reply_to_list", "must be a non-empty array"));
      } else {
        Set<String> replyTo = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          String email = checkFrom(list.get(i), "reply_to_list." + i, false, errors);
          if (email != null && !replyTo.add(email.toLowerCase(Locale.ROOT))) {
            errors.add(new FakeSendGrid.Error("reply_to_list." + i + ".email",
                "Each reply_to_list address must be unique: " + email));
          }
        }
      }
    }
    checkSendAt(body.get("send_at"), "send_at", now, errors);
    if (body.get("asm") != null && !(body.get("asm") instanceof Map<?, ?> asm
        && asm.get("group_id") instanceof Number)) {
      errors.add(new FakeSendGrid.Error("asm.group_id", "The asm object requires a group_id."));
    }
    if (body.get("ip_pool_name") != null && !(body.get("ip_pool_name") instanceof String pool
        && pool.length() >= 2 && pool.length() <= 64)) {
      errors.add(new FakeSendGrid.Error("ip_pool_name",
          "The ip_pool_name must be between 2 and 64 characters."));
    }
    if (body.get("mail_settings") instanceof Map<?, ?> settings
        && enabled(settings.get("bypass_list_management"))
        && (enabled(settings.get("bypass_spam_management"))
            || enabled(settings.get("bypass_bounce_management"))
            || enabled(settings.get("bypass_unsubscribe_management")))) {
      errors.add(new FakeSendGrid.Error("mail_settings.bypass_list_management",
          "bypass_list_management cannot be combined with other bypass filters."));
    }

    boolean templateAtTop = body.get("template_id") instanceof String;
    boolean subjectAtTop = body.get("subject") instanceof String s && !s.isEmpty();
    Object ps = body.get("personalizations");
    int recipients = 0;
    Set<String> seen = new HashSet<>();
    if (!(ps instanceof List<?> list) || list.isEmpty()) {
      errors.add(new FakeSendGrid.Error("personalizations",
          "The personalizations field is required and must have at least one personalization."));
    } else {
      if (list.size() > 1000) {
        errors.add(new FakeSendGrid.Error("personalizations",
            "You may not have more than 1000 personalizations per API request."));
      }
      for (int i = 0; i < list.size(); i++) {
        String prefix = "personalizations." + i;
        if (!(list.get(i) instanceof Map<?, ?> p)) {
          errors.add(new FakeSendGrid.Error(prefix, "must be an object"));
          continue;
        }
        if (!(p.get("to") instanceof List<?> to) || to.isEmpty()) {
          errors.add(new FakeSendGrid.Error(prefix + ".to",
              "The to array is required for all personalization objects, and must have at "
                  + "least one email object with a valid email address."));
        }
        for (String kind : List.of("to", "cc", "bcc")) {
          if (p.get(kind) == null) continue;
          if (!(p.get(kind) instanceof List<?> addresses)) {
            errors.add(new FakeSendGrid.Error(prefix + "." + kind, "must be an array"));
            continue;
          }
          for (int j = 0; j < addresses.size(); j++) {
            String field = prefix + "." + kind + "." + j;
            String email = checkFrom(addresses.get(j), field, false, errors);
            recipients++;
            if (email != null && !seen.add(email.toLowerCase(Locale.ROOT))) {
              errors.add(new FakeSendGrid.Error(field + ".email", "Each email address in the "
                  + "request must be unique between to, cc, and bcc: " + email));
            }
          }
        }
        boolean subjectHere = p.get("subject") instanceof String s && !s.isEmpty();
        if (!subjectAtTop && !subjectHere && !templateAtTop) {
          errors.add(new FakeSendGrid.Error("subject", "The subject is required. You can get "
              + "around this requirement if you use a template with a subject defined or if "
              + "every personalization has a subject defined."));
        }
        checkCustomArgs(body.get("custom_args"), p.get("custom_args"), prefix, errors);
        checkSendAt(p.get("send_at"), prefix + ".send_at", now, errors);
      }
    }
    if (recipients > 1000) {
      errors.add(new FakeSendGrid.Error("personalizations", "The total number of recipients "
          + "(to, cc and bcc) must be at most 1000 per request; got " + recipients));
    }
    Object content = body.get("content");
    if (content == null) {
      if (!templateAtTop) {
        errors.add(new FakeSendGrid.Error("content", "Unless a valid template_id is provided, "
            + "the content parameter is required."));
      }
    } else if (!(content instanceof List<?> items) || items.isEmpty()) {
      errors.add(new FakeSendGrid.Error("content", "must be a non-empty array"));
    } else {
      // text/plain first, then text/x-amp-html, then text/html, then any other type.
      int lastRank = 0;
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof Map<?, ?> item)
            || !(item.get("type") instanceof String type) || type.isEmpty()
            || !(item.get("value") instanceof String value) || value.isEmpty()) {
          errors.add(new FakeSendGrid.Error("content." + i,
              "Each content object needs a non-empty type and value."));
          continue;
        }
        String base = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        int rank = switch (base) {
          case "text/plain" -> 1;
          case "text/x-amp-html" -> 2;
          case "text/html" -> 3;
          default -> 4;
        };
        if (rank < lastRank || (rank == lastRank && rank < 4)) {
          errors.add(new FakeSendGrid.Error("content." + i, "If present, text/plain must be "
              + "first, followed by text/x-amp-html, then text/html, then any other content, "
              + "each once."));
        }
        lastRank = rank;
      }
    }
    if (body.get("categories") != null) {
      if (!(body.get("categories") instanceof List<?> categories)) {
        errors.add(new FakeSendGrid.Error("categories", "must be an array"));
      } else {
        if (categories.size() > 10) {
          errors.add(new FakeSendGrid.Error("categories",
              "You may not have more than 10 categories per request."));
        }
        if (new HashSet<>(categories).size() != categories.size()) {
          errors.add(new FakeSendGrid.Error("categories", "Categories must be unique."));
        }
        for (Object c : categories) {
          if (!(c instanceof String s) || s.length() > 255) {
            errors.add(new FakeSendGrid.Error("categories",
                "A category must be a string of at most 255 characters."));
          }
        }
      }
    }
    if (body.get("attachments") instanceof List<?> attachments) {
      for (int i = 0; i < attachments.size(); i++) {
        if (!(attachments.get(i) instanceof Map<?, ?> a)
            || !(a.get("content") instanceof String data) || data.isEmpty()
            || !(a.get("filename") instanceof String)) {
          errors.add(new FakeSendGrid.Error("attachments." + i,
              "Each attachment needs non-empty content (base64) and a filename."));
        } else if ("inline".equals(a.get("disposition")) && !(a.get("content_id") instanceof String)) {
          errors.add(new FakeSendGrid.Error("attachments." + i + ".content_id",
              "An inline attachment needs a content_id."));
        }
      }
    }
    return errors;
  }

  /** Checks an email object; returns its address, or null if it has none. */
  private static @Nullable String checkFrom(@Nullable Object value, String field, boolean isFrom,
      List<FakeSendGrid.Error> errors) {
    if (!(value instanceof Map<?, ?> address) || !(address.get("email") instanceof String email)) {
      errors.add(new FakeSendGrid.Error(field + ".email", isFrom && field.equals("from")
          ? "The from object must be provided for every email send. It is an object that "
              + "requires the email parameter, but may also contain a name parameter."
          : "The email object requires an email address."));
      return null;
    }
    int at = email.lastIndexOf('@');
    String ascii = null;
    if (at > 0) {
      try {
        ascii = email.substring(0, at + 1) + IDN.toASCII(email.substring(at + 1));
      } catch (IllegalArgumentException e) {
        ascii = null;
      }
    }
    if (ascii == null || ascii.length() > 254 || at > 64 || !ADDRESS.matcher(ascii).matches()) {
      errors.add(new FakeSendGrid.Error(field + ".email",
          "Does not contain a valid address."));
    }
    if (address.get("name") instanceof String name
        && (name.indexOf(';') >= 0 || name.indexOf(',') >= 0)) {
      errors.add(new FakeSendGrid.Error(field + ".name", "The name may not contain ';' or ','."));
    }
    return email;
  }

  private static boolean enabled(@Nullable Object setting) {
    return setting instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("enable"));
  }

  private static void checkSendAt(@Nullable Object value, String field, Instant now,
      List<FakeSendGrid.Error> errors) {
    if (value == null) return;
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      errors.add(new FakeSendGrid.Error(field, "send_at must be a unix timestamp (integer)."));
    } else if (n.longValue() > now.getEpochSecond() + MAX_SCHEDULE_SECONDS) {
      errors.add(new FakeSendGrid.Error(field,
          "A send cannot be scheduled more than 72 hours in advance."));
    }
  }

  private static void checkCustomArgs(@Nullable Object top, @Nullable Object personal, String field,
      List<FakeSendGrid.Error> errors) {
    Map<Object, Object> merged = new LinkedHashMap<>();
    if (top instanceof Map<?, ?> m) merged.putAll(m);
    if (personal instanceof Map<?, ?> m) merged.putAll(m);
    if (merged.isEmpty()) return;
    int bytes = FakeHttpServer.toJson(merged).getBytes(StandardCharsets.UTF_8).length;
    if (bytes >= 10_000) {
      errors.add(new FakeSendGrid.Error(field + ".custom_args",
          "The custom arguments must be less than 10,000 bytes; got " + bytes));
    }
  }
}
