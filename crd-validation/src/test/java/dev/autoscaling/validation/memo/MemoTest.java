package dev.autoscaling.validation.memo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoTest {

  @Test
  void shouldNeverHoldMoreBytesThanItsBudget() {
    // Given three memos sharing 64 KiB
    MemoBudget budget = new MemoBudget(64 * 1024, 4 * 1024);
    List<Memo<String, String>> memos = List.of(budget.newMemo(4096), budget.newMemo(4096), budget.newMemo(4096));

    // When each is offered thousands of distinct 1 KiB values
    for (int i = 0; i < 30_000; i++) {
      memos.get(i % 3).put("key-" + i, "value", 1024);
      assertThat(budget.usedBytes()).isLessThanOrEqualTo(budget.maxBytes());
    }

    // Then they hold what fits, and the budget's account is exactly what they hold
    long held = memos.stream().mapToLong(Memo::bytes).sum();
    assertThat(held).isEqualTo(budget.usedBytes()).isGreaterThan(budget.maxBytes() / 2);
    assertThat(budget.entries()).isLessThanOrEqualTo((int) (budget.maxBytes() / (1024 + Memo.ENTRY_OVERHEAD)));
  }

  @Test
  void shouldNeverHoldMoreEntriesThanItsLimit() {
    MemoBudget budget = MemoBudget.standard();
    Memo<Integer, Boolean> memo = budget.newMemo(100);

    for (int i = 0; i < 100_000; i++) {
      memo.put(i, Boolean.TRUE, 16);
    }

    assertThat(memo.size()).isEqualTo(100);
    assertThat(budget.usedBytes()).isEqualTo(100L * (16 + Memo.ENTRY_OVERHEAD));
  }

  @Test
  void shouldNotRememberAValueLargerThanAnEntryMayBe() {
    MemoBudget budget = new MemoBudget(1024 * 1024, 4 * 1024);
    Memo<String, Boolean> memo = budget.newMemo(4096);
    String taint = "x".repeat(256 * 1024);

    memo.put(taint, Boolean.TRUE, 40 + 2L * taint.length());

    assertThat(memo.get(taint)).isNull();
    assertThat(budget.usedBytes()).isZero();
  }

  @Test
  void shouldEvictTheOldestFirstAndAdmitSomeNewValuesOnceFull() {
    MemoBudget budget = MemoBudget.standard();
    Memo<String, Boolean> memo = budget.newMemo(4);
    for (String key : new String[] {"a", "b", "c", "d"}) {
      memo.put(key, Boolean.TRUE, 0);
    }

    // When a value keeps coming back while the memo is full
    for (int i = 0; i < Memo.ADMIT_ONE_IN && memo.get("e") == null; i++) {
      memo.put("e", Boolean.TRUE, 0);
    }

    // Then it is admitted in place of the oldest
    assertThat(memo.keysOldestFirst()).containsExactly("b", "c", "d", "e");
    assertThat(memo.get("a")).isNull();
    assertThat(memo.get("e")).isTrue();
  }

  @Test
  void shouldTakeRoomFromOtherMemosWhenTheyHoldTheWholeBudget() {
    // Given one memo holding the whole budget
    MemoBudget budget = new MemoBudget(16 * 1024, 4 * 1024);
    Memo<Integer, Boolean> greedy = budget.newMemo(4096);
    for (int i = 0; i < 1_000; i++) {
      greedy.put(i, Boolean.TRUE, 1024);
    }
    int before = greedy.size();

    // When another memo remembers its first value
    Memo<String, Boolean> other = budget.newMemo(4096);
    other.put("kubernetes.io/arch", Boolean.TRUE, 80);

    // Then the greedy one gave up its oldest half
    assertThat(other.get("kubernetes.io/arch")).isTrue();
    assertThat(greedy.size()).isLessThan(before);
    assertThat(budget.usedBytes()).isLessThanOrEqualTo(budget.maxBytes());
  }

  @Test
  void shouldStayWithinBoundsWhenManyThreadsRemember() throws InterruptedException {
    MemoBudget budget = new MemoBudget(256 * 1024, 4 * 1024);
    List<Memo<String, Boolean>> memos = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      memos.add(budget.newMemo(512));
    }
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        for (int i = 0; i < 50_000; i++) {
          memos.get(i % 8).put(thread + ":" + i, Boolean.TRUE, 200 + i % 900);
        }
      });
      worker.start();
      threads.add(worker);
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(budget.usedBytes()).isLessThanOrEqualTo(budget.maxBytes())
        .isEqualTo(memos.stream().mapToLong(Memo::bytes).sum());
    assertThat(memos).allSatisfy(memo -> assertThat(memo.size()).isLessThanOrEqualTo(512));
  }

  @Test
  void shouldRefuseABudgetSmallerThanOneEntry() {
    assertThatThrownBy(() -> new MemoBudget(1024, 4096)).isInstanceOf(IllegalArgumentException.class);
  }
}
