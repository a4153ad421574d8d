package io.modelcards.parse;

import io.modelcards.model.Curated;
import io.modelcards.model.Result;
import java.util.List;

/** Results declared beside a card's text (model-index, curated.yaml, .eval_results) as {@link Result}s. */
final class DeclaredResults {
    private DeclaredResults() {}

    /**
     * {@code r} as a result of the model ({@code variant} empty) or, when {@code baseline}, of the model it names.
     * The benchmark is the dataset as written until {@link ResultExtractor} looks it up in the vocabulary.
     */
    static Result of(Curated.Result r, Result.Kind kind, String variant, boolean baseline) {
        List<String> headers = r.task().isEmpty() ? List.of(r.dataset(), r.metric())
                : List.of(r.task(), r.dataset(), r.metric());
        return new Result(r.dataset(), false, r.dataset(), r.task(), r.metric(), r.value(), r.value().toPlainString(),
                r.split(), variant, baseline, List.of(Result.Origin.at(kind, r.origin(), headers, r.source())));
    }
}
