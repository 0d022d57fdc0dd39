package io.zhenwu.cases;

/** Who applied: a resident or an enterprise from the registry, a person named in free text, or nobody (an inspection). */
public enum ApplicantKind { RESIDENT, ENTERPRISE, PERSON, NONE }
