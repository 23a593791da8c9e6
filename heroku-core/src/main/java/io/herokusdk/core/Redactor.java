package io.herokusdk.core;

import io.herokusdk.core.internal.Contract;
import io.herokusdk.core.internal.PercentCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Scrubs known secrets and URL passwords out of text, such as a driver's exception message,
 * before it is logged or rethrown. Immutable and thread-safe.
 *
 * <p>{@link #redact(String)} replaces every occurrence of each secret, in plain form and
 * percent-encoded (upper- and lower-case hex, and with '+' for spaces), by {@code ****}, then does
 * what {@link #redactUrls(String)} does. Empty secrets are ignored.
 */
public final class Redactor {
  private static final String MASK = "****";

  /**
   * {@code scheme://user:password@}: the password runs to the last '@' before whitespace, '/',
   * '?' or '#', as the URL parser reads it.
   */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://[^\\s:@/?#]*:)([^\\s/?#]*)@");

  /** A query parameter whose name looks sensitive, like {@code ?password=...}. */
  private static final Pattern SENSITIVE_QUERY_VALUE = Pattern.compile(
      "([?&;][^\\s=&;?#]*(?i:pass|pwd|secret|token|key|auth|credential|signature)"
          + "[^\\s=&;?#]*=)([^\\s&;#]+)");

  private final List<String> needles;

  private Redactor(List<String> needles) {
    this.needles = needles;
  }

  /**
   * {@return a redactor for these secrets}
   *
   * @param secrets the secrets to scrub, none null; empty ones are ignored
   */
  public static Redactor of(Secret... secrets) {
    return of(Arrays.asList(secrets));
  }

  /**
   * {@return a redactor for these secrets}
   *
   * @param secrets the secrets to scrub, none null; empty ones are ignored
   */
  public static Redactor of(Collection<Secret> secrets) {
    return new Redactor(List.of()).with(secrets);
  }

  /**
   * {@return a redactor that also redacts {@code secret}}
   *
   * @param secret one more secret to scrub, not null; ignored if empty
   */
  public Redactor with(Secret secret) {
    return with(List.of(secret));
  }

  /**
   * {@return a redactor that also redacts each of {@code secrets}}
   *
   * @param secrets more secrets to scrub, none null; empty ones are ignored
   */
  public Redactor with(Collection<Secret> secrets) {
    Set<String> all = new LinkedHashSet<>(needles);
    for (Secret secret : secrets) {
      Objects.requireNonNull(secret, "secret == null");
      String value = secret.reveal();
      if (value.isEmpty()) continue;
      all.add(value);
      all.add(PercentCodec.encode(value));
      all.add(PercentCodec.encodeLowerCase(value));
      all.add(PercentCodec.encode(value).replace("%20", "+"));
    }
    List<String> sorted = new ArrayList<>(all);
    // Longest first, so a secret that contains another is replaced whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(sorted));
  }

  /**
   * {@return a redactor that also redacts {@code value}; for secrets not yet in a {@link
   * Secret}}
   *
   * @param value the plain secret value, not null; ignored if empty
   */
  public Redactor withValue(String value) {
    return with(Secret.of(value));
  }

  /**
   * {@return a redactor that also redacts the password of {@code url}, if it has one}
   *
   * @param url the URL whose password to scrub; its user, host and query are not added
   */
  public Redactor with(ServiceUrl url) {
    return url.password().map(this::with).orElse(this);
  }

  /**
   * Returns {@code text} with every known secret and every URL password replaced by
   * {@code ****}. Returns null for null, so it can wrap {@link Throwable#getMessage()}.
   *
   * @param text the text to scrub, such as an exception's message; may be null
   * @return the scrubbed text, or null if {@code text} is null
   */
  @Contract("!null -> !null")
  public @Nullable String redact(@Nullable String text) {
    if (text == null) return null;
    String result = text;
    for (String needle : needles) {
      if (result.contains(needle)) result = result.replace(needle, MASK);
    }
    return redactUrls(result);
  }

  /**
   * Returns {@code text} with the password in every {@code scheme://user:password@} and the value
   * of every sensitive-looking query parameter ({@code ?password=}, {@code &api_key=}, ...)
   * replaced by {@code ****}. Returns null for null.
   *
   * @param text the text to scrub, such as a driver's error message; may be null
   * @return the scrubbed text, or null if {@code text} is null
   */
  @Contract("!null -> !null")
  public static @Nullable String redactUrls(@Nullable String text) {
    if (text == null) return null;
    Matcher url = URL_PASSWORD.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (url.find()) {
      String replacement = url.group(2).isEmpty() ? url.group() : url.group(1) + MASK + "@";
      url.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    url.appendTail(out);
    Matcher query = SENSITIVE_QUERY_VALUE.matcher(out);
    return query.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
  }

  /** Shows how many values it redacts, never the values. */
  @Override
  public String toString() {
    return "Redactor{" + needles.size() + " patterns}";
  }
}
