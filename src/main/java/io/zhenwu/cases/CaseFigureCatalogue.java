package io.zhenwu.cases;

import java.util.List;

/** A case type's (or a group of types') figure declarations; {@link CaseFigures} collects every catalogue bean. */
interface CaseFigureCatalogue {

    List<CaseFigure> figures();
}
