package dev.fulmar.profiles.testing;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Fuzz input for parsers: valid sample files mutated a few times each (characters flipped, ranges
 * deleted or duplicated, format keywords inserted, truncation), plus plain random text. Mutants of
 * real files reach much deeper into a parser than random text alone.
 */
public final class Mutator {
  private static final String CHARS = "{}[]\":,\\ \n\t<>/=-_.@#;01239aZ\u00e9\u0000\uFEFF\uD83D";

  private Mutator() {}

  /** Strings mutated from {@code seeds}, with {@code dictionary} words as insertion material. */
  public static Arbitrary<String> mutants(List<String> seeds, List<String> dictionary) {
    return Arbitraries.randomValue(r -> mutate(r, seeds, dictionary));
  }

  static String mutate(Random r, List<String> seeds, List<String> dictionary) {
    if (r.nextInt(20) == 0) {
      return randomText(r, r.nextInt(200));
    }
    StringBuilder s = new StringBuilder(seeds.get(r.nextInt(seeds.size())));
    int rounds = 1 + r.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      int at = s.length() == 0 ? 0 : r.nextInt(s.length());
      switch (r.nextInt(7)) {
        case 0 -> {
          if (s.length() > 0) {
            s.setCharAt(at, CHARS.charAt(r.nextInt(CHARS.length())));
          }
        }
        case 1 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(40)));
        case 2 -> s.insert(at, dictionary.get(r.nextInt(dictionary.size())));
        case 3 -> s.insert(at, s.substring(at, Math.min(s.length(), at + r.nextInt(60))));
        case 4 -> s.setLength(at);
        case 5 -> s.insert(at, randomText(r, 1 + r.nextInt(8)));
        default ->
            s.replace(
                at,
                Math.min(s.length(), at + r.nextInt(10)),
                dictionary.get(r.nextInt(dictionary.size())));
      }
    }
    return s.toString();
  }

  private static String randomText(Random r, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(
          r.nextInt(3) == 0 ? (char) r.nextInt(0x3000) : CHARS.charAt(r.nextInt(CHARS.length())));
    }
    return s.toString();
  }
}
