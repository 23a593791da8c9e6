package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Throws many malformed and half-formed URLs at the parser: each must parse or fail with an
 * {@link InvalidConfigVarException} (never NPE, IllegalArgumentException, index errors...), and no
 * error message may contain the planted password.
 */
class ServiceUrlFuzzTest {
  private static final String PLANTED = "Pl4ntedS3cret";

  private static final String[] PIECES = {
    "postgres", "redis", "rediss", "jdbc:", "http", "x+y", "://", ":", "//", "/", "@", "@@", "[",
    "]", "::", "::1", "[::1]", "%", "%2", "%zz", "%40", "%2F", "%C3", "%C3%A9", "?", "&", "=",
    "#", "+", " ", "\t", "\n", "\u0000", "\u00e9", "\uD83D\uDD11", "\uD83D", "host", "h.example",
    "127.0.0.1", "localhost", "5432", "0", "65536", "99999999999999999999", "-1", "db", "user",
    PLANTED, ":" + PLANTED + "@", "password=" + PLANTED, "host=/tmp", "%2Fvar", ".", "..", "_",
  };

  @Test
  void randomConcatenationsNeverFailWithAnUntypedExceptionOrLeakThePassword() {
    SplittableRandom random = new SplittableRandom(20240601L);
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(9);
      for (int j = 0; j < pieces; j++) text.append(PIECES[random.nextInt(PIECES.length)]);
      if (check(text.toString())) parsed++;
      else rejected++;
    }
    assertThat(parsed).isPositive();
    assertThat(rejected).isPositive();
  }

  @Test
  void mutationsOfValidUrlsNeverFailWithAnUntypedException() {
    String[] seeds = {
      "postgres://user:" + PLANTED + "@host.example.com:5432/db?sslmode=require#f",
      "rediss://:" + PLANTED + "@[2001:db8::1]:6380/0",
      "mysql://u:" + PLANTED + "%40x@h/db?a=b&a=c&flag",
    };
    String alphabet = ":/@[]%?#&=+ .0123456789abcdefXYZ\u0000\u00e9";
    SplittableRandom random = new SplittableRandom(7L);
    for (String seed : seeds) {
      for (int i = 0; i < 20_000; i++) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int j = 0; j < edits; j++) {
          int at = random.nextInt(text.length() + 1);
          switch (random.nextInt(3)) {
            case 0:
              text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
              break;
            case 1:
              if (at < text.length()) text.deleteCharAt(at);
              break;
            default:
              if (at < text.length()) {
                text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
              }
          }
        }
        check(text.toString());
      }
    }
  }

  @Test
  void handPickedGarbage() {
    List<String> garbage = new ArrayList<>(List.of(
        ":", "::", ":::", "://", "a://", "a:///", "a://@", "a://:@", "a://[", "a://]", "a://[]:",
        "%", "%%", "%%%", "a://%", "a://h/%", "a://h?%", "a://h#%", "a://h:%35", "@", "@@@",
        "a://@@@", "a://h:99999", "a://h:00000", "1://h", "+://h", "a b://h", "\u0000", "\uD800",
        "a://h/\uD800", "redis://" + "x".repeat(10_000), "redis://[" + "1:".repeat(100) + "]",
        "postgres://" + PLANTED, "postgres://" + PLANTED + ":" + PLANTED + "@"));
    for (String text : garbage) check(text);
  }

  /** Returns true if {@code text} parsed; fails the test on any untyped exception or leak. */
  private static boolean check(String text) {
    try {
      ServiceUrl url = ServiceUrl.parse("FUZZ_URL", text);
      if (url.password().map(p -> p.reveal().equals(PLANTED)).orElse(false)) {
        assertThat(url.toString()).doesNotContain(PLANTED);
      }
      return true;
    } catch (InvalidConfigVarException e) {
      assertThat(e.getMessage())
          .as("message for %s", text)
          .startsWith("FUZZ_URL ")
          .doesNotContain(PLANTED);
      if (text.length() > 40) assertThat(e.getMessage()).doesNotContain(text);
      return false;
    } catch (RuntimeException e) {
      throw new AssertionError("parse(" + text + ") threw " + e, e);
    }
  }
}
