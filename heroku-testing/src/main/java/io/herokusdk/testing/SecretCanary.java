package io.herokusdk.testing;

import io.herokusdk.core.Secret;
import io.herokusdk.testing.internal.RandomNames;
import io.herokusdk.testing.internal.UrlText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Checks that a secret (a password, token or API key) shows up nowhere it should not: in
 * strings, {@code toString()}s, exceptions (messages, causes and suppressed exceptions, all the
 * way down, and their stack trace text) and {@link LogCapture captured logs}, raw or
 * percent-encoded.
 *
 * <pre>{@code
 * String password = SecretCanary.newSecret();
 * try (LogCapture logs = LogCapture.start()) {
 *   Throwable thrown = catchThrowable(() -> connect("postgres://u:" + SecretCanary.percentEncode(password) + "@..."));
 *   SecretCanary.assertNoLeak(password, thrown, logs, client);
 * }
 * }</pre>
 *
 * <p>Failure messages say where the secret was found and in which form, never the secret.
 */
public final class SecretCanary {
  private static final int MINIMUM_LENGTH = 6;

  private SecretCanary() {}

  /**
   * A new random secret that is easy to spot and needs percent-encoding in a URL, like {@code
   * canary_3f9a1c7e5b2d4f60@p:ss/w*rd~%+ö}. Its percent-encoded and form-encoded forms differ.
   * Use it as the password in URLs and config vars of a test.
   *
   * @return {@code canary_}, 16 random hex digits and a fixed tail of characters to encode
   */
  public static String newSecret() {
    return RandomNames.hex("canary_", 16) + "@p:ss/w*rd~%+\u00f6";
  }

  /**
   * {@code text} percent-encoded as in a URL's user info (RFC 3986, upper-case hex).
   *
   * @param text the text to encode, such as a password from {@link #newSecret()}
   * @return the text with every UTF-8 byte except unreserved characters ({@code A-Z a-z 0-9 -
   *     . _ ~}) escaped as {@code %XX}
   */
  public static String percentEncode(String text) {
    return UrlText.encode(text);
  }

  /**
   * The forms of {@code secret} that count as a leak: the secret itself, percent-encoded (upper-
   * and lower-case hex) and form-encoded ({@code application/x-www-form-urlencoded}).
   *
   * @param secret the secret whose forms to list
   * @return the distinct forms, the raw secret first; just the secret if it needs no encoding
   */
  public static List<String> leakForms(String secret) {
    Map<String, String> forms = formsByName(secret);
    return List.copyOf(forms.values());
  }

  /**
   * {@link #assertNoLeak(String, Object...)} for a {@link Secret}.
   *
   * @param secret the secret to look for, revealed only to search for it
   * @param evidence strings, throwables, {@link LogCapture}s or other objects to search; null
   *     elements are skipped
   */
  public static void assertNoLeak(Secret secret, Object... evidence) {
    assertNoLeak(secret.reveal(), evidence);
  }

  /**
   * Fails if any piece of {@code evidence} contains {@code secret} in any of its {@link
   * #leakForms(String) forms}. Evidence may be a String (or other CharSequence), a Throwable
   * (checked with its causes and suppressed exceptions, recursively), a {@link LogCapture} (its
   * text), or any object (its {@code toString()}); null is skipped.
   *
   * @param secret the secret to look for, at least 6 characters
   * @param evidence the places to search, checked in order; null elements are skipped
   * @throws IllegalArgumentException if {@code secret} is shorter than 6 characters (it would
   *     match by chance)
   * @throws AssertionFailedError if the secret was found; the message does not contain it
   */
  public static void assertNoLeak(String secret, Object... evidence) {
    if (secret == null || secret.length() < MINIMUM_LENGTH) {
      throw new IllegalArgumentException(
          "a canary secret needs at least " + MINIMUM_LENGTH + " characters");
    }
    Map<String, String> forms = formsByName(secret);
    List<String> findings = new ArrayList<>();
    for (int i = 0; i < evidence.length; i++) {
      check(forms, "evidence #" + (i + 1), evidence[i], findings);
    }
    if (!findings.isEmpty()) {
      throw new AssertionFailedError("secret leaked: " + String.join("; ", findings));
    }
  }

  private static void check(
      Map<String, String> forms, String where, Object item, List<String> findings) {
    if (item == null) return;
    if (item instanceof Throwable) {
      checkThrowable(
          forms, where, (Throwable) item, findings,
          Collections.newSetFromMap(new IdentityHashMap<>()));
      String trace = stackTrace((Throwable) item);
      if (findings.isEmpty()) {
        checkText(forms, where + " (stack trace text)", trace, findings);
      }
      return;
    }
    if (item instanceof LogCapture) {
      checkText(forms, where + " (captured log)", ((LogCapture) item).text(), findings);
      return;
    }
    if (item instanceof CharSequence) {
      checkText(forms, where + " (string)", item.toString(), findings);
      return;
    }
    checkText(
        forms, where + " (" + item.getClass().getSimpleName() + ".toString())",
        String.valueOf(item), findings);
  }

  private static void checkThrowable(
      Map<String, String> forms,
      String where,
      @Nullable Throwable throwable,
      List<String> findings,
      Set<Throwable> seen) {
    if (throwable == null || !seen.add(throwable)) return;
    String name = throwable.getClass().getName();
    checkText(forms, where + " " + name + " message", throwable.getMessage(), findings);
    checkText(
        forms, where + " " + name + " localized message", throwable.getLocalizedMessage(),
        findings);
    checkText(forms, where + " " + name + ".toString()", throwable.toString(), findings);
    checkThrowable(forms, where + " → cause", throwable.getCause(), findings, seen);
    Throwable[] suppressed = throwable.getSuppressed();
    for (int i = 0; i < suppressed.length; i++) {
      checkThrowable(forms, where + " → suppressed #" + (i + 1), suppressed[i], findings, seen);
    }
  }

  private static void checkText(
      Map<String, String> forms, String where, @Nullable String text, List<String> findings) {
    if (text == null) return;
    for (Map.Entry<String, String> form : forms.entrySet()) {
      if (text.contains(form.getValue())) {
        findings.add(form.getKey() + " in " + where);
        return;
      }
    }
  }

  private static Map<String, String> formsByName(String secret) {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("the secret", secret);
    String encoded = UrlText.encode(secret);
    forms.putIfAbsent("the percent-encoded secret", encoded);
    forms.putIfAbsent(
        "the percent-encoded secret (lower-case hex)", lowerCaseEscapes(encoded));
    forms.putIfAbsent(
        "the form-encoded secret", URLEncoder.encode(secret, StandardCharsets.UTF_8));
    // drop duplicates of the raw secret (a secret with nothing to encode)
    Map<String, String> distinct = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : forms.entrySet()) {
      if (!distinct.containsValue(entry.getValue())) distinct.put(entry.getKey(), entry.getValue());
    }
    return distinct;
  }

  private static String lowerCaseEscapes(String encoded) {
    StringBuilder out = new StringBuilder(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        out.append('%').append(encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String stackTrace(Throwable throwable) {
    StringWriter out = new StringWriter();
    try (PrintWriter writer = new PrintWriter(out)) {
      throwable.printStackTrace(writer);
    }
    return out.toString();
  }
}
