package io.herokusdk.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds set config var names that look related to a missing one, for error messages. */
public final class RelatedNames {
  private static final int LIMIT = 10;

  private RelatedNames() {}

  /**
   * Returns up to ten of {@code candidates} sharing at least one '_'-separated word of three or
   * more letters with {@code missing} (ignoring case), most shared words first, then by name.
   */
  public static List<String> find(String missing, Collection<String> candidates) {
    Set<String> words = words(missing);
    List<String> related = new ArrayList<>();
    List<Integer> scores = new ArrayList<>();
    for (String candidate : candidates) {
      if (candidate.equals(missing)) continue;
      Set<String> shared = words(candidate);
      shared.retainAll(words);
      if (!shared.isEmpty()) {
        related.add(candidate);
        scores.add(shared.size());
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < related.size(); i++) order.add(i);
    order.sort(Comparator.<Integer>comparingInt(i -> -scores.get(i))
        .thenComparing(related::get));
    List<String> result = new ArrayList<>();
    for (int i = 0; i < order.size() && i < LIMIT; i++) result.add(related.get(order.get(i)));
    return result;
  }

  private static Set<String> words(String name) {
    Set<String> words = new HashSet<>();
    for (String word : name.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")) {
      if (word.length() >= 3) words.add(word);
    }
    return words;
  }
}
