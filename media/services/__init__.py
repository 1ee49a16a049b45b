"""Operations on videos that the admin, commands and tasks all call."""
