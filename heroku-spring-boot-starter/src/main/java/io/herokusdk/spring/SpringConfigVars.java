package io.herokusdk.spring;

import io.herokusdk.core.ConfigVars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Heroku config vars as Spring sees them: every property named like a config var ({@code
 * DATABASE_URL}, {@code REDIS_TLS_URL}: upper case, digits and underscores) in the {@link
 * Environment}, with Spring's precedence. So environment variables, {@code
 * application.properties}, command-line arguments and test properties all work.
 */
public final class SpringConfigVars {
  private static final Pattern CONFIG_VAR = Pattern.compile("[A-Z][A-Z0-9_]*");

  private SpringConfigVars() {}

  /**
   * The config vars in {@code environment}; only its enumerable property sources are listed.
   *
   * @param environment Spring's environment; values are read with its placeholders resolved
   * @return a snapshot, unchanged by later changes to {@code environment}; empty if it is not a
   *     {@link ConfigurableEnvironment}
   */
  public static ConfigVars from(Environment environment) {
    Map<String, String> vars = new LinkedHashMap<>();
    if (environment instanceof ConfigurableEnvironment configurable) {
      for (PropertySource<?> source : configurable.getPropertySources()) {
        if (!(source instanceof EnumerablePropertySource<?> enumerable)) continue;
        for (String name : enumerable.getPropertyNames()) {
          if (vars.containsKey(name) || !CONFIG_VAR.matcher(name).matches()) continue;
          String value = environment.getProperty(name);
          if (value != null) vars.put(name, value);
        }
      }
    }
    return ConfigVars.of(vars);
  }

  /** True if {@code name} is set to a non-blank value in {@code environment}. */
  static boolean isSet(Environment environment, String name) {
    String value = environment.getProperty(name);
    return value != null && !value.isBlank();
  }
}
