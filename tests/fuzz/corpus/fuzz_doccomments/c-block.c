/* not a doc comment */
int a;

/** Frees @p p. */
void release(void *p);
/**
 * Unclosed comment
int broken(void);
