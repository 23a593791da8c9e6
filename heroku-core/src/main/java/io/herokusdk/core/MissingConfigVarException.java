package io.herokusdk.core;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A required config var is not set (or is set to a blank value, which counts as not set).
 *
 * <p>The message names the var, says how to set it and lists config vars with similar names
 * that <em>are</em> set, e.g. {@code DATABASE_URL is not set. ... Config vars that look related
 * and are set: HEROKU_POSTGRESQL_RED_URL.}
 */
public final class MissingConfigVarException extends ConfigException {
  private static final long serialVersionUID = 1L;

  /** An array, not a List, so that the field is serializable by type. */
  private final String[] relatedConfigVars;

  private MissingConfigVarException(String name, String message, String[] relatedConfigVars) {
    super(name, message, null);
    this.relatedConfigVars = relatedConfigVars;
  }

  /**
   * Creates the exception for the missing var {@code name}.
   *
   * @param name the missing var's name, such as {@code DATABASE_URL}
   * @param hint how to set it, e.g. "Provision Heroku Postgres with `heroku addons:create
   *     heroku-postgresql`."; null or blank for a generic {@code heroku config:set} hint
   * @param relatedSetNames names of vars that are set and may be what the user meant; only the
   *     names are shown, never values
   * @return the exception, not yet thrown
   */
  public static MissingConfigVarException of(
      String name, @Nullable String hint, Collection<String> relatedSetNames) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(relatedSetNames, "relatedSetNames == null");
    String[] related = relatedSetNames.toArray(new String[0]);
    for (String relatedName : related) {
      Objects.requireNonNull(relatedName, "relatedSetNames contains null");
    }
    StringBuilder message = new StringBuilder().append(name).append(" is not set. ");
    if (hint == null || hint.isBlank()) {
      message
          .append("Set it with `heroku config:set ")
          .append(name)
          .append("=...`, or for local runs add it to .env.");
    } else {
      message.append(hint.strip());
    }
    if (related.length > 0) {
      message
          .append(" Config vars that look related and are set: ")
          .append(String.join(", ", related))
          .append('.');
    }
    return new MissingConfigVarException(name, message.toString(), related);
  }

  /**
   * Like {@link #of(String, String, Collection)} with the generic hint and no related vars.
   *
   * @param name the missing var's name, such as {@code DATABASE_URL}
   * @return the exception, not yet thrown
   */
  public static MissingConfigVarException of(String name) {
    return of(name, null, List.of());
  }

  /** {@return the names of set config vars that look related to the missing one; may be empty} */
  public List<String> relatedConfigVars() {
    return List.of(relatedConfigVars);
  }
}
