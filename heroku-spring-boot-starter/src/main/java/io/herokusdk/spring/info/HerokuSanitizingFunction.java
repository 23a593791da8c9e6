package io.herokusdk.spring.info;

import io.herokusdk.core.ServiceUrl;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps Heroku's secrets out of {@code /actuator/env} and {@code /actuator/configprops} even
 * with {@code show-values: always}: a URL's password ({@code DATABASE_URL}, {@code
 * REDIS_TLS_URL}, ... anything {@code scheme://user:password@host}) becomes {@code ****}, and
 * keys, tokens, passwords and secrets ({@code SENDGRID_API_KEY}, {@code HEROKU_API_KEY}, ...) are
 * masked whole.
 */
public final class HerokuSanitizingFunction implements SanitizingFunction {
  private static final Pattern SECRET_KEY =
      Pattern.compile(".*(API_KEY|APIKEY|TOKEN|PASSWORD|SECRET|CA_PEM)$");
  private static final Pattern URL_WITH_PASSWORD = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://"
      + "[^/@\\s]*:[^/@\\s]+@.*", Pattern.DOTALL);

  /** Creates the function; the starter registers one as a bean. */
  public HerokuSanitizingFunction() {}

  @Override
  public SanitizableData apply(SanitizableData data) {
    Object value = data.getValue();
    if (value == null) return data;
    String key = data.getKey().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    if (SECRET_KEY.matcher(key).matches()) return data.withSanitizedValue();
    String text = value.toString();
    if (URL_WITH_PASSWORD.matcher(text).matches()) {
      try {
        return data.withValue(ServiceUrl.parse(data.getKey(), text).toString());
      } catch (RuntimeException e) {
        return data.withSanitizedValue();
      }
    }
    return data;
  }
}
