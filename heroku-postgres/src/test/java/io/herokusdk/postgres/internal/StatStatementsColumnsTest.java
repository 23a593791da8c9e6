package io.herokusdk.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** pg_stat_statements column names across the renames of PG 13 and PG 17. */
class StatStatementsColumnsTest {

  @Test
  void beforePg13TimesAreTotalTimeAndBlkReadTime() {
    StatStatements.Columns columns = StatStatements.columns(Set.of("query", "calls",
        "total_time", "mean_time", "rows", "blk_read_time", "blk_write_time"));

    assertThat(columns).isEqualTo(new StatStatements.Columns("total_time", "mean_time",
        "blk_read_time + blk_write_time"));
  }

  @Test
  void fromPg13ExecutionTimesAreTotalExecTime() {
    StatStatements.Columns columns = StatStatements.columns(Set.of("query", "calls",
        "total_plan_time", "total_exec_time", "mean_exec_time", "rows", "blk_read_time",
        "blk_write_time"));

    assertThat(columns).isEqualTo(new StatStatements.Columns("total_exec_time",
        "mean_exec_time", "blk_read_time + blk_write_time"));
  }

  @Test
  void fromPg17BlockTimesAreSharedBlkReadTime() {
    StatStatements.Columns columns = StatStatements.columns(Set.of("query", "calls",
        "total_exec_time", "mean_exec_time", "rows", "shared_blk_read_time",
        "shared_blk_write_time", "local_blk_read_time"));

    assertThat(columns).isEqualTo(new StatStatements.Columns("total_exec_time",
        "mean_exec_time", "shared_blk_read_time + shared_blk_write_time"));
  }
}
