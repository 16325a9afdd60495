package dev.fulmar.control.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.Message;
import dev.fulmar.control.message.MessageTypes;
import dev.fulmar.control.message.Request;
import dev.fulmar.control.message.Samples;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every message type survives encode then decode unchanged, on one line. */
class MessageRoundTripTest {
  private final MessageCodec codec = MessageCodec.forClient();

  @Test
  void everyMessageTypeHasASample() {
    assertThat(Samples.all().keySet())
        .containsExactlyInAnyOrderElementsOf(MessageTypes.all().values());
  }

  @Test
  void everyMessageTypeRoundTrips() throws DecodeException {
    for (Map.Entry<Class<? extends Message>, Message> e : Samples.all().entrySet()) {
      Message m = e.getValue();
      Frame sent = m instanceof Event ? Frame.unsolicited(m) : Frame.of(77, m);
      byte[] line = codec.encode(sent);
      assertThat(line[line.length - 1]).as(e.getKey().getSimpleName()).isEqualTo((byte) '\n');
      assertThat(Arrays.copyOf(line, line.length - 1)).as("one line").doesNotContain((byte) '\n');
      String text = new String(line, StandardCharsets.UTF_8);
      assertThat(text).startsWith("{\"type\":\"" + MessageTypes.nameOf(e.getKey()) + "\"");
      Frame back = codec.decode(line, 0, line.length - 1);
      assertThat(back).as(text).isEqualTo(sent);
    }
  }

  @Test
  void requestsCarryTheirIdAndEventsNone() throws DecodeException {
    for (Message m : Samples.all().values()) {
      Frame sent = m instanceof Event ? Frame.unsolicited(m) : Frame.of(5, m);
      String text = new String(codec.encode(sent), StandardCharsets.UTF_8);
      if (m instanceof Event) {
        assertThat(text).doesNotContain("\"id\":");
      } else {
        assertThat(text).contains("\"id\":5");
      }
      assertThat(m instanceof Request || !(codec.decode(text.strip().getBytes(
          StandardCharsets.UTF_8)).message() instanceof Request)).isTrue();
    }
  }

  @Test
  void secretsTravelAsStringsButPrintRedacted() throws DecodeException {
    Message connect = Samples.all().get(dev.fulmar.control.message.Connect.class);
    String text = new String(codec.encode(Frame.of(1, connect)), StandardCharsets.UTF_8);
    assertThat(text).contains("\"eapPassword\":\"correct horse\"")
        .doesNotContain("\"empty\"");
    assertThat(connect.toString()).doesNotContain("correct horse").contains("[redacted]");
    Message back = codec.decode(text.strip().getBytes(StandardCharsets.UTF_8)).message();
    assertThat(back.toString()).doesNotContain("correct horse");
  }

  @Test
  void profilesTravelAsVpnDocuments() {
    Message save = Samples.all().get(dev.fulmar.control.message.SaveSystemProfile.class);
    String text = new String(codec.encode(Frame.of(3, save)), StandardCharsets.UTF_8);
    assertThat(text).contains("\"profile\":{\"format\":\"fulmar-profile\"");
  }
}
