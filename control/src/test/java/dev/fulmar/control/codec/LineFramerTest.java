package dev.fulmar.control.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {
  private final List<String> lines = new ArrayList<>();
  private int oversize;
  private final LineFramer.Sink sink = new LineFramer.Sink() {
    @Override
    public void line(byte[] buf, int off, int len) {
      lines.add(new String(buf, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public void oversize() {
      oversize++;
    }
  };

  private void feed(LineFramer f, String s) {
    f.feed(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)), sink);
  }

  @Test
  void splitsLinesAcrossReads() {
    LineFramer f = new LineFramer(100);
    feed(f, "{\"a\":1}\n{\"b\"");
    assertThat(lines).containsExactly("{\"a\":1}");
    assertThat(f.hasPartialLine()).isTrue();
    feed(f, ":2}\r\n\n\n");
    assertThat(lines).containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(f.hasPartialLine()).isFalse();
  }

  @Test
  void aLineOfExactlyTheLimitPassesWithCrLf() {
    LineFramer f = new LineFramer(5);
    feed(f, "12345\r\n12345\n");
    assertThat(lines).containsExactly("12345", "12345");
    assertThat(oversize).isZero();
  }

  @Test
  void reportsAnOverlongLineOnceAndResynchronizesAtTheNextNewline() {
    LineFramer f = new LineFramer(5);
    feed(f, "123456789");
    feed(f, "abcdef");
    assertThat(oversize).isEqualTo(1);
    assertThat(f.hasPartialLine()).isTrue();
    feed(f, "xyz\nok\n");
    assertThat(lines).containsExactly("ok");
    assertThat(oversize).isEqualTo(1);
  }

  @Test
  void anOverlongLineEndingInTheSameReadIsReported() {
    LineFramer f = new LineFramer(3);
    feed(f, "1234\nab\n");
    assertThat(oversize).isEqualTo(1);
    assertThat(lines).containsExactly("ab");
  }
}
