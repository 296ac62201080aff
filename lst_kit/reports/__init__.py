"""What is made from the workbooks: the participant's portfolio
(:mod:`.portfolio`), the teacher's class overview (:mod:`.class_overview`,
its widget in :mod:`.overview_view`), the exercises' readings called safely
(:mod:`.readings`), and the HTML templates (:mod:`.render`)."""
