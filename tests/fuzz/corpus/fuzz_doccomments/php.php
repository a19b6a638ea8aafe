<?php
/**
 * @param int $n
 * @return int
 */
function twice($n) { return 2 * $n; }
