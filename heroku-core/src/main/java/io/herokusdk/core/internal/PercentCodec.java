package io.herokusdk.core.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-encoding and strict percent-decoding (RFC 3986), UTF-8 only. */
public final class PercentCodec {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentCodec() {}

  /** Why a decode failed. Never carries the input. */
  public enum Problem {
    /** A '%' not followed by two hex digits. */
    BAD_ESCAPE,
    /** The decoded bytes are not UTF-8. */
    NOT_UTF8
  }

  /** Thrown by {@link #decode}; carries no part of the input. */
  public static final class DecodingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Problem problem;

    DecodingException(Problem problem) {
      super(problem.name(), null, false, false);
      this.problem = problem;
    }

    /** What was wrong. */
    public Problem problem() {
      return problem;
    }
  }

  /**
   * Decodes {@code %XX} escapes as UTF-8. If {@code plusIsSpace}, '+' becomes ' ' (query strings
   * only). Rejects a '%' without two hex digits and byte sequences that are not UTF-8.
   */
  public static String decode(String text, boolean plusIsSpace) throws DecodingException {
    if (text.indexOf('%') < 0) {
      return plusIsSpace ? text.replace('+', ' ') : text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%') {
        ByteBuffer bytes = ByteBuffer.allocate(text.length() / 3 + 1);
        while (i < text.length() && text.charAt(i) == '%') {
          if (i + 2 >= text.length()) throw new DecodingException(Problem.BAD_ESCAPE);
          int high = Character.digit(text.charAt(i + 1), 16);
          int low = Character.digit(text.charAt(i + 2), 16);
          if (high < 0 || low < 0 || !isAsciiHex(text.charAt(i + 1), text.charAt(i + 2))) {
            throw new DecodingException(Problem.BAD_ESCAPE);
          }
          bytes.put((byte) ((high << 4) | low));
          i += 3;
        }
        bytes.flip();
        out.append(decodeUtf8(bytes));
      } else {
        out.append(plusIsSpace && c == '+' ? ' ' : c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isAsciiHex(char a, char b) {
    return a < 128 && b < 128;
  }

  private static CharBuffer decodeUtf8(ByteBuffer bytes) throws DecodingException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
    } catch (CharacterCodingException e) {
      throw new DecodingException(Problem.NOT_UTF8);
    }
  }

  /** Encodes every character except the RFC 3986 unreserved ones ({@code A-Z a-z 0-9 - . _ ~}). */
  public static String encode(String text) {
    return encode(text, "", false);
  }

  /** Like {@link #encode(String)}, but leaves '/' alone: for paths. */
  public static String encodePath(String text) {
    return encode(text, "/", false);
  }

  /** Like {@link #encode(String)}, but with lower-case hex digits. */
  public static String encodeLowerCase(String text) {
    return encode(text, "", true);
  }

  private static String encode(String text, String alsoKeep, boolean lowerCase) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnreserved(c) || alsoKeep.indexOf(c) >= 0) {
        if (out != null) out.append(c);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      int end = i + 1;
      if (Character.isHighSurrogate(c) && end < text.length()
          && Character.isLowSurrogate(text.charAt(end))) {
        end++;
      }
      byte[] bytes = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
      for (byte b : bytes) {
        char high = HEX[(b >> 4) & 0xF];
        char low = HEX[b & 0xF];
        out.append('%')
            .append(lowerCase ? Character.toLowerCase(high) : high)
            .append(lowerCase ? Character.toLowerCase(low) : low);
      }
      i = end - 1;
    }
    return out == null ? text : out.toString();
  }

  /** Returns true for the RFC 3986 unreserved characters. */
  public static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
