package io.harbormaster.query.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Brings the query side's problem-detail advice into a {@code @WebMvcTest} of a controller from another package
 * (the advice itself stays package-private).
 */
@TestConfiguration
@Import(QueryProblems.class)
public class QueryProblemsSlice {
}
