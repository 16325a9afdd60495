package dev.fulmar.control.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.Message;
import dev.fulmar.control.message.Samples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever a client sends, the decoder returns a frame or a {@link DecodeException}: never
 * another exception, never a hang. Three generators: raw bytes, mutations of every valid message
 * (byte flips, cuts, insertions of JSON punctuation), and JSON-looking text.
 */
class DecoderFuzzTest {
  private static final MessageCodec CODEC = MessageCodec.forHelper();
  private static final List<byte[]> VALID = new ArrayList<>();

  static {
    for (Message m : Samples.all().values()) {
      byte[] line = CODEC.encode(m instanceof Event ? Frame.unsolicited(m) : Frame.of(1, m));
      VALID.add(java.util.Arrays.copyOf(line, line.length - 1));
    }
  }

  private static void decodeOrTypedError(byte[] line) {
    try {
      Frame f = CODEC.decode(line);
      assertThat(f.message()).isNotNull();
    } catch (DecodeException e) {
      assertThat(e.code()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 4000)
  void arbitraryBytes(@ForAll @Size(max = 600) byte[] line) {
    decodeOrTypedError(line);
  }

  @Property(tries = 4000)
  void mutatedValidMessages(@ForAll("mutations") byte[] line) {
    decodeOrTypedError(line);
  }

  @Property(tries = 3000)
  void jsonLookingText(@ForAll("jsonish") String text) {
    decodeOrTypedError(text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<byte[]> mutations() {
    Arbitrary<byte[]> base = Arbitraries.of(VALID);
    return base.flatMap(b -> Arbitraries.integers().between(1, 6).flatMap(n ->
        Arbitraries.longs().map(seed -> mutate(b, n, new java.util.Random(seed)))));
  }

  private static byte[] mutate(byte[] src, int rounds, java.util.Random r) {
    byte[] b = src.clone();
    byte[] punct = "{}[]\",:0-9enulltrfalse\\u".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < rounds && b.length > 0; i++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(4)) {
        case 0 -> b[at] = punct[r.nextInt(punct.length)];
        case 1 -> b[at] = (byte) r.nextInt(256);
        case 2 -> b = java.util.Arrays.copyOf(b, at);
        default -> {
          byte[] c = new byte[b.length + 1];
          System.arraycopy(b, 0, c, 0, at);
          c[at] = punct[r.nextInt(punct.length)];
          System.arraycopy(b, at, c, at + 1, b.length - at);
          b = c;
        }
      }
    }
    return b;
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> type = Arbitraries.of("hello", "connect", "status", "subscribe",
        "answer_prompt", "diagnose", "logs", "set_policy", "save_system_profile", "ok", "state",
        "x", "");
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\"", "") + "\""),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.of("null", "true", "[]", "{}", "[\"STATE\"]", "{\"format\":1}", "1e999",
            "-0", "{\"host\":[[[]]]}"));
    Arbitrary<String> field = Arbitraries.of("id", "profileName", "profile", "credentials",
        "topics", "max", "afterSeq", "promptId", "cancel", "secret", "policy", "minVersion",
        "maxVersion", "client", "eapPassword", "name");
    Arbitrary<String> pair = Combinators.pair(field, value);
    return Combinators.message(type, pair);
  }

  /** Small helpers to build JSON-looking objects from parts. */
  private static final class Combinators {
    static Arbitrary<String> pair(Arbitrary<String> f, Arbitrary<String> v) {
      return net.jqwik.api.Combinators.combine(f, v).as((a, b) -> "\"" + a + "\":" + b);
    }

    static Arbitrary<String> message(Arbitrary<String> type, Arbitrary<String> pair) {
      return net.jqwik.api.Combinators.combine(type, pair.list().ofMaxSize(6))
          .as((t, ps) -> "{\"type\":\"" + t + "\"" + (ps.isEmpty() ? "" : ","
              + String.join(",", ps)) + "}");
    }
  }
}
