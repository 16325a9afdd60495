package dev.fulmar.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.LogLine;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LogModelTest {
  static LogLine line(long seq) {
    return new LogLine(seq, seq, LogLevel.INFO, "t", "line " + seq);
  }

  @Test
  void historyAndLiveLinesMergeWithoutDuplicates() {
    LogModel m = new LogModel();
    m.add(line(3));
    m.addAll(List.of(line(1), line(2), line(3), line(4)));
    m.add(line(4));
    assertThat(m.lines()).extracting(LogLine::seq).containsExactly(3L, 4L);
    assertThat(m.lastSeq()).isEqualTo(4);
  }

  @Test
  void keepsAtMostTheNewestLines() {
    LogModel m = new LogModel();
    m.addAll(LongStream.rangeClosed(1, LogModel.MAX_LINES + 10).mapToObj(LogModelTest::line)
        .toList());
    assertThat(m.lines()).hasSize(LogModel.MAX_LINES);
    assertThat(m.lines().get(0).seq()).isEqualTo(11);
  }

  @Test
  void aRestartedHelperStartsCountingAgain() {
    LogModel m = new LogModel();
    m.add(line(50));
    m.helperRestarted();
    m.add(line(1));
    assertThat(m.lines()).extracting(LogLine::seq).containsExactly(50L, 1L);
  }
}
