package dev.fulmar.core.ike.session;

import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.task.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's tasks in order (strongSwan's task queue): the first task that wants an exchange
 * decides the next exchange, and every task that takes part in it builds into the same message.
 */
final class TaskQueue {
  private final List<Task> tasks = new ArrayList<>();

  void add(Task t) {
    tasks.add(t);
  }

  /** The exchange of the first task that still wants one, or null when none does. */
  ExchangeType nextExchange() {
    for (Task t : tasks) {
      if (t.exchange() != null) {
        return t.exchange();
      }
    }
    return null;
  }

  /** The tasks taking part in {@code type}, in queue order. */
  List<Task> participants(ExchangeType type) {
    List<Task> out = new ArrayList<>();
    for (Task t : tasks) {
      if (type.equals(t.exchange())) {
        out.add(t);
      }
    }
    return out;
  }

  /** The queued tasks other than {@code running}, in queue order. */
  List<Task> waiting(List<Task> running) {
    List<Task> out = new ArrayList<>(tasks);
    out.removeAll(running);
    return out;
  }

  void remove(Task t) {
    tasks.remove(t);
  }

  void insertAfter(Task anchor, List<Task> more) {
    int at = tasks.indexOf(anchor);
    tasks.addAll(at < 0 ? tasks.size() : at + 1, more);
  }

  /** Drops every task except those of {@code keep} (the setup ends; only a delete follows). */
  void clearExchangesOtherThan(ExchangeType keep) {
    tasks.removeIf(t -> !keep.equals(t.exchange()));
  }

  void clear() {
    tasks.clear();
  }

  boolean isEmpty() {
    return tasks.isEmpty();
  }
}
