package io.herokusdk.testing.internal;

import java.security.SecureRandom;

/** Random identifiers shaped like the ones Heroku hands out. */
public final class RandomNames {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RandomNames() {}

  /** {@code prefix} followed by {@code length} random lower-case letters and digits. */
  public static String alphanumeric(String prefix, int length) {
    return prefix + random(ALPHANUMERIC, length);
  }

  /** {@code prefix} followed by {@code length} random lower-case hex digits. */
  public static String hex(String prefix, int length) {
    return prefix + random(HEX, length);
  }

  /** A Heroku Postgres style user name: "u" and 13 letters or digits. */
  public static String postgresUser() {
    return alphanumeric("u", 13);
  }

  /** A Heroku Postgres style database name: "d" and 13 letters or digits. */
  public static String postgresDatabase() {
    return alphanumeric("d", 13);
  }

  /** A Heroku style password: "p" and 64 hex digits. */
  public static String password() {
    return hex("p", 64);
  }

  private static String random(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
